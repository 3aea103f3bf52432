import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { signInOn } from './helpers/sign-in';
import { BROWSERS, launchTestBrowser, type TestBrowser } from './helpers/test-browser';

describe.each(BROWSERS)('signing in on the options page in %s', (browserName) => {
  let sandbox: Sandbox;
  let browser: TestBrowser;

  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchTestBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });
  beforeEach(() => sandbox.reset());

  it('checks the token with TimeCamp and shows who is signed in', async () => {
    const options = await browser.openOptions();
    await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });

    const me = sandbox.users.find((user) => user.token === sandbox.token)!;
    await expect.poll(() => options.textOf('status')).toContain(me.display_name);
    await options.screenshot('options-signed-in');

    const meRequest = sandbox.requests.find((request) => request.resource === 'me')!;
    expect(meRequest.tokenSource).toBe('bearer');
    expect(meRequest.path).not.toContain(sandbox.token);
    expect(meRequest.query).not.toHaveProperty('api_token');
    await options.close();
  });

  it('says plainly when the token is wrong, and keeps the form as typed', async () => {
    const options = await browser.openOptions();
    await signInOn(options, { token: 'not-a-real-token', serverUrl: sandbox.url });

    await expect.poll(() => options.textOf('alert')).toContain('did not accept this API token');
    expect(await options.inputValue('Server URL')).toBe(sandbox.url);
    await options.close();
  });
});
