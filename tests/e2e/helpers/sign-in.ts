import type { Page } from 'playwright-core';

/** Signs in through the options page the way a user does: token, server URL, Save. */
export async function signInThroughOptions(options: Page, account: { token: string; serverUrl: string }): Promise<void> {
  await options.getByLabel('API token').fill(account.token);
  await options.getByLabel('Server URL').fill(account.serverUrl);
  await options.getByRole('button', { name: 'Save' }).click();
}
