import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { sendRawMessage } from './helpers/extension-messages';
import { signInOn } from './helpers/sign-in';
import { BROWSERS, launchTestBrowser, type TestBrowser, type TestPage } from './helpers/test-browser';
import { setTrustedValue, trustedValue } from './helpers/trusted-storage';

const POLL = { timeout: 10_000 };

// Firefox shows no notification buttons, so the idle question's answers live in the popup; the same
// popup offers them in Chromium. The browser's idle detection cannot be driven from a test: the
// period it would have recorded is written where the background keeps it.
describe.each(BROWSERS)('the time away, answered in the popup of %s', (browserName) => {
  let sandbox: Sandbox;
  let browser: TestBrowser;
  let options: TestPage;

  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchTestBrowser(browserName);
    options = await browser.openOptions();
    await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.waitForText('Signed in as');
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('Discard and continue ends the entry when the user left and starts the task again', async () => {
    const demoTimer = () => sandbox.state.timers.get(sandbox.demo.userId);
    expect(await sendRawMessage(options, 'startTimer', { taskId: sandbox.demo.tasks.githubIssue, note: 'before the break' })).toEqual({ res: undefined });
    await expect.poll(() => sandbox.state.entries.get(demoTimer()?.entry_id ?? 0)?.description, POLL).toBe('before the break');
    const firstEntryId = demoTimer()!.entry_id;
    const { startedAt } = (await trustedValue<{ startedAt: number }>(options, 'timer'))!;
    // Away from two seconds after the start until now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const since = startedAt + 2_000;
    await setTrustedValue(options, 'idle', { since, returnedAt: Date.now() });

    const popup = await browser.openPopup();
    await popup.waitForRole('button', 'Discard idle time');
    await popup.screenshot('popup-idle-choices');
    await popup.click('button', 'Discard and continue');

    // The first entry now ends when the user left; the same task runs again from the choice on.
    await expect.poll(() => demoTimer() && demoTimer()!.entry_id !== firstEntryId && demoTimer()!.task_id, POLL).toBe(sandbox.demo.tasks.githubIssue);
    expect(sandbox.state.entries.get(firstEntryId)?.duration).toBeLessThanOrEqual(3);
    await expect.poll(() => popup.textOf('button', 'Discard idle time'), POLL).toBe('');
  });
});
