import type { Page } from 'playwright-core';
import type { TestPage } from './test-browser';

/** Signs in through the options page the way a user does: token, server URL, Save. */
export async function signInThroughOptions(options: Page, account: { token: string; serverUrl: string }): Promise<void> {
  await options.getByLabel('API token').fill(account.token);
  await options.getByLabel('Server URL').fill(account.serverUrl);
  await options.getByRole('button', { name: 'Save' }).click();
}

/** The same, in either browser. */
export async function signInOn(options: TestPage, account: { token: string; serverUrl: string }): Promise<void> {
  await options.fill('API token', account.token);
  await options.fill('Server URL', account.serverUrl);
  await options.click('button', 'Save');
}
