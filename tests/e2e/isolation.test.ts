import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { sendRawMessage } from './helpers/extension-messages';
import type { FixtureServer } from './helpers/fixture-server';
import { signInOn } from './helpers/sign-in';
import { BROWSERS, launchTestBrowser, startFixturesFor, type TestBrowser, type TestPage } from './helpers/test-browser';
import { trustedValue } from './helpers/trusted-storage';

// What a renderer compromised on a tracker's page can reach: it runs code in the content
// script's own isolated world (in Chromium through the DevTools protocol, as an exploit would from
// inside the renderer; in Firefox through `tabs.executeScript`, which runs in that same sandbox),
// with everything a content script may call.

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';
const POLL = { timeout: 10_000 };

/** Buttons of ours on the page. */
const buttonCount = (page: TestPage) => page.evaluate(() => document.querySelectorAll('timecamp-button').length, undefined);

/** The extension's API as a content script sees it: `browser` in Firefox, `chrome` in Chromium. */
const API = `(typeof browser === 'undefined' ? chrome : browser)`;

describe.each(BROWSERS)('a tracker page in %s cannot reach what the extension keeps', (browserName) => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let browser: TestBrowser;
  let options: TestPage;
  let issue: TestPage;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixturesFor(browserName);
    browser = await launchTestBrowser(browserName, { fixtures });
    options = await browser.openOptions();
    await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.waitForText('Signed in as');
    // A day in the popup, the task tree cached, a timer running and a change waiting to be sent.
    const popup = await browser.openPopup();
    await popup.waitForRole('list', "Today's entries");
    await vi.waitFor(async () => expect((await trustedValue<{ nodes: unknown[] }>(options, 'tasks'))?.nodes.length).toBeGreaterThan(100), POLL);
    expect(await sendRawMessage(options, 'startTimer', { taskId: sandbox.demo.tasks.jiraIssue, note: 'Quarterly audit notes' })).toEqual({ res: undefined });
    await vi.waitFor(() => expect(sandbox.state.entries.get(sandbox.state.timers.get(sandbox.demo.userId)?.entry_id ?? 0)?.description).toBe('Quarterly audit notes'), POLL);
    await sandbox.faults.offline(true);
    expect(await sendRawMessage(options, 'updateTimer', { note: 'Unsent private note' })).toEqual({ res: undefined });
    await vi.waitFor(async () => expect((await trustedValue<{ actions: unknown[] }>(options, 'queue'))?.actions.length).toBe(1), POLL);

    issue = await browser.open(ISSUE_URL);
    await vi.waitFor(async () => expect(await buttonCount(issue)).toBe(1), POLL);
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  it('finds no token, email, queue, task or entry in any storage a content script can reach', async () => {
    const reachable = (await browser.inContentScript(
      issue,
      `(async () => {
        const local = await ${API}.storage.local.get(null);
        let session;
        try { session = await ${API}.storage.session.get(null); } catch (error) { session = 'refused: ' + error.message; }
        const databases = (await indexedDB.databases()).map((db) => db.name);
        return JSON.stringify({ local, session, databases, localStorage: { ...localStorage } });
      })()`,
    )) as string;

    const today = sandbox.state.entries.values().next().value!;
    const secrets = [sandbox.token, 'alex', 'Acme Corp', 'Initech Bank', 'Globex Retail', 'Unsent private note', 'Quarterly audit notes', today.description, '"actions"'];
    for (const secret of secrets.filter(Boolean)) expect(reachable, secret).not.toContain(secret);
    // It sees what its button needs: that a timer runs, on which task.
    expect(JSON.parse(reachable).local.pageState).toMatchObject({ signedIn: true, timer: { taskName: 'Export fails' } });
    expect(JSON.parse(reachable).session).toMatch(/^refused/);
  });

  it('changes nothing the background sends by writing where it can', async () => {
    const victim = [...sandbox.state.entries.values()].find((entry) => entry.user_id === sandbox.demo.userId && entry.id !== sandbox.demo.invoicedEntryId && entry.id !== sandbox.demo.lockedEntryId)!;
    const account = `${sandbox.url}#${sandbox.demo.userId}`;
    await browser.inContentScript(
      issue,
      `${API}.storage.local.set({
        queue: { actions: [{ id: 'planted', at: Date.now(), account: ${JSON.stringify(account)}, type: 'delete-entry', entryId: ${victim.id} }], started: {}, failures: 0 },
        account: { token: 'planted-token', baseUrl: 'https://evil.example/third_party/api', user: { userId: ${sandbox.demo.userId}, email: 'x', displayName: 'x' }, signedInAt: 1 },
        settings: { disabledIntegrations: ['github'], noteTemplate: 'planted' },
        pageState: { signedIn: false, timer: null, issueTimes: {}, disabledIntegrations: [] },
      }).then(() => 'written')`,
    );

    // TimeCamp is back; the popup opens and the worker sends what it holds, and syncs.
    await sandbox.faults.offline(false);
    const popup = await browser.openPopup();
    await expect.poll(async () => (await trustedValue<{ actions: unknown[] }>(options, 'queue'))?.actions.length, POLL).toBe(0);
    await popup.waitForRole('timer');

    expect(sandbox.state.entries.has(victim.id)).toBe(true);
    expect(sandbox.requests.filter((request) => request.method === 'DELETE' && request.resource === 'entries')).toEqual([]);
    expect(sandbox.requests.every((request) => request.method === 'OPTIONS' || request.headers.authorization === `Bearer ${sandbox.token}`)).toBe(true);
    expect(sandbox.state.entries.get(sandbox.state.timers.get(sandbox.demo.userId)!.entry_id)?.description).toBe('Unsent private note');
    // The button stays: its projection is published again from the background's own state.
    await expect.poll(async () => (await trustedValue<{ disabledIntegrations: string[] }>(options, 'settings'))?.disabledIntegrations ?? [], POLL).toEqual([]);
    await expect.poll(() => buttonCount(issue), POLL).toBe(1);
  });
});
