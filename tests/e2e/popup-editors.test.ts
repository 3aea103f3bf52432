import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { sendRawMessage } from './helpers/extension-messages';
import { signInOn } from './helpers/sign-in';
import { BROWSERS, launchTestBrowser, type TestBrowser, type TestPage } from './helpers/test-browser';

// The popup's editors and its task search are chunks loaded after its first paint
// (components/popup/editors.ts): each browser must find, load and run them from the extension.
describe.each(BROWSERS)('the popup’s editors in %s', (browserName) => {
  let sandbox: Sandbox;
  let browser: TestBrowser;
  let popup: TestPage;

  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchTestBrowser(browserName);
    const options = await browser.openOptions();
    await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.waitForText('Signed in as');
    // With a timer running the popup shows its card, whose start can be changed, and no Start form.
    expect(await sendRawMessage(options, 'startTimer', { taskId: sandbox.demo.tasks.internalMeetings, note: 'Editors' })).toEqual({ res: undefined });
    popup = await browser.openPopup();
    await popup.waitForRole('timer');
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("opens the running timer's start editor with the start filled in", async () => {
    await popup.click('button', 'Change start');

    await popup.waitForRole('form', 'Change start time');
    expect(await popup.inputValue('Started at')).toMatch(/^\d{1,2}:\d{2}/);
    await popup.click('button', 'Cancel');
  });

  it('opens the form for an entry by hand, whose task field searches the tree', async () => {
    await popup.click('button', '+ Add entry');

    await popup.waitForRole('form', 'New entry');
    await popup.fill('Task', 'meet');
    await popup.waitForRole('option');
    expect(await popup.textOf('option')).toContain('Meetings');
    await popup.screenshot('popup-new-entry');
  });
});
