import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { sendRawMessage } from './helpers/extension-messages';
import { signInOn } from './helpers/sign-in';
import { BROWSERS, launchTestBrowser, type TestBrowser, type TestPage } from './helpers/test-browser';
import { trustedValue } from './helpers/trusted-storage';

/** Actions the background has not sent yet. */
const queued = async (page: TestPage) => (await trustedValue<{ actions?: unknown[] }>(page, 'queue'))?.actions?.length ?? 0;

/** The toolbar badge's text and tooltip, read from an extension page (`action` in MV3, `browserAction` in Firefox's MV2). */
function badge(page: TestPage) {
  return page.evaluate(async () => {
    type Action = { getBadgeText(o: object): Promise<string>; getTitle(o: object): Promise<string> };
    type Api = { action?: Action; browserAction?: Action };
    const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = browser ?? chrome;
    const action = (api.action ?? api.browserAction)!;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  }, undefined);
}

describe.each(BROWSERS)('the timer in the background of %s', (browserName) => {
  let sandbox: Sandbox;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchTestBrowser(browserName);
    page = await browser.openOptions();
    await signInOn(page, { token: sandbox.token, serverUrl: sandbox.url });
    await page.waitForText('Signed in as');
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  const demoTimer = () => sandbox.state.timers.get(sandbox.demo.userId);

  it('starts a timer on TimeCamp with its note, and shows it on the badge', async () => {
    expect(await sendRawMessage(page, 'startTimer', { taskId: sandbox.demo.tasks.githubIssue, note: 'e2e start' })).toEqual({ res: undefined });

    // The first start on an account may be redone once the account's zone is known: follow the timer that runs.
    await expect.poll(() => demoTimer()?.task_id).toBe(sandbox.demo.tasks.githubIssue);
    await expect.poll(() => sandbox.state.entries.get(demoTimer()?.entry_id ?? 0)?.description, { timeout: 5_000 }).toBe('e2e start');
    await expect.poll(() => queued(page), { timeout: 5_000 }).toBe(0);
    await expect.poll(async () => (await badge(page)).text).toBe('0:00');
    expect((await badge(page)).title).toContain('Fix login redirect');
  });

  it('keeps a stop made while TimeCamp is unreachable and sends it when it is back', async () => {
    await sandbox.faults.offline(true);
    expect(await sendRawMessage(page, 'stopTimer')).toEqual({ res: undefined });
    await expect.poll(async () => (await badge(page)).title).toContain('1 change waits to be sent');

    await sandbox.faults.offline(false);
    // The background retries by alarm; going back online is also announced by the browser. Nudge it as a view opening would.
    await sendRawMessage(page, 'syncNow');
    await expect.poll(() => demoTimer()).toBeUndefined();
    await expect.poll(async () => (await badge(page)).text).toBe('');
  });
});

// Chrome stops an idle extension worker, and Firefox unloads an idle event page, whenever it likes.
describe.each(BROWSERS)('the timer in a background of %s that was unloaded', (browserName) => {
  let sandbox: Sandbox;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchTestBrowser(browserName, { backgroundIdleMs: 1_000 });
    page = await browser.openOptions();
    await signInOn(page, { token: sandbox.token, serverUrl: sandbox.url });
    await page.waitForText('Signed in as');
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  const demoTimer = () => sandbox.state.timers.get(sandbox.demo.userId);

  it('sends what an unloaded background left queued when the browser starts it again', async () => {
    expect(await sendRawMessage(page, 'startTimer', { taskId: sandbox.demo.tasks.githubPr, note: 'before the unload' })).toEqual({ res: undefined });
    await expect.poll(() => demoTimer()?.task_id).toBe(sandbox.demo.tasks.githubPr);
    await sandbox.faults.offline(true);
    await sendRawMessage(page, 'stopTimer');
    // The stop waits, with whatever else the failed attempt held back behind it.
    await expect.poll(async () => (await badge(page)).title).toMatch(/waits? to be sent/);

    await browser.stopBackground(page);
    await sandbox.faults.offline(false);

    // Any event wakes it (here a ping). Woken, it keeps the wait the failed attempt set (a page
    // waking it must not hammer TimeCamp), and its alarm, which outlives the background, sends the stop.
    await expect.poll(async () => (await sendRawMessage(page, 'ping')) && demoTimer(), { timeout: 20_000 }).toBeUndefined();
    const entries = [...sandbox.state.entries.values()].filter((entry) => entry.description === 'before the unload');
    expect(entries).toHaveLength(1);
  });
});
