import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

describe('signing in on the options page', () => {
  let sandbox: Sandbox;
  let extension: LaunchedExtension;

  beforeAll(async () => {
    sandbox = await startSandbox();
    extension = await launchExtension();
  });
  afterAll(async () => {
    await extension?.close();
    await sandbox?.close();
  });
  beforeEach(() => sandbox.reset());

  it('checks the token with TimeCamp and shows who is signed in', async () => {
    const options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });

    const me = sandbox.users.find((user) => user.token === sandbox.token)!;
    await expect.poll(() => options.getByRole('status').textContent()).toContain(me.display_name);
    await screenshot(options, 'options-signed-in');

    const meRequest = sandbox.requests.find((request) => request.resource === 'me')!;
    expect(meRequest.tokenSource).toBe('bearer');
    expect(meRequest.path).not.toContain(sandbox.token);
    expect(meRequest.query).not.toHaveProperty('api_token');
  });

  it('says plainly when the token is wrong, and keeps the form as typed', async () => {
    const options = await extension.openOptions();
    await signInThroughOptions(options, { token: 'not-a-real-token', serverUrl: sandbox.url });

    await expect.poll(() => options.getByRole('alert').textContent()).toContain('did not accept this API token');
    expect(await options.getByLabel('Server URL').inputValue()).toBe(sandbox.url);
  });
});
