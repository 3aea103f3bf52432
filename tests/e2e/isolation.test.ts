import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { sendRawMessage } from './helpers/extension-messages';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { signInThroughOptions } from './helpers/sign-in';
import { trustedValue } from './helpers/trusted-storage';

// What a renderer compromised on a tracker's page can reach: it runs code in the content
// script's own isolated world (here through the DevTools protocol, as an exploit would from
// inside the renderer), with everything a content script may call.

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';
const POLL = { timeout: 10_000 };

/** Evaluates `expression` in the extension's isolated world on `page` and answers its JSON value. */
async function inContentScriptWorld(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push({ id: context.id, origin: context.origin, type: context.auxData?.type }));
  await cdp.send('Runtime.enable');
  const world = worlds.find((candidate) => candidate.type === 'isolated' && candidate.origin.includes(extensionId));
  if (!world) throw new Error(`no isolated world of the extension on ${page.url()}: ${JSON.stringify(worlds)}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

describe('a tracker page cannot reach what the extension keeps', () => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;
  let options: Page;
  let issue: Page;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixtureServer();
    extension = await launchExtension({ hostMap: fixtures.hostMap });
    options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
    // A day in the popup, the task tree cached, a timer running and a change waiting to be sent.
    const popup = await extension.openPopup();
    await popup.getByRole('list', { name: "Today's entries" }).waitFor();
    await vi.waitFor(async () => expect((await trustedValue<{ nodes: unknown[] }>(options, 'tasks'))?.nodes.length).toBeGreaterThan(100), POLL);
    expect(await sendRawMessage(options, 'startTimer', { taskId: sandbox.demo.tasks.jiraIssue, note: 'Quarterly audit notes' })).toEqual({ res: undefined });
    await vi.waitFor(() => expect(sandbox.state.entries.get(sandbox.state.timers.get(sandbox.demo.userId)?.entry_id ?? 0)?.description).toBe('Quarterly audit notes'), POLL);
    await sandbox.faults.offline(true);
    expect(await sendRawMessage(options, 'updateTimer', { note: 'Unsent private note' })).toEqual({ res: undefined });
    await vi.waitFor(async () => expect((await trustedValue<{ actions: unknown[] }>(options, 'queue'))?.actions.length).toBe(1), POLL);

    issue = await extension.context.newPage();
    await issue.goto(ISSUE_URL);
    await issue.locator('timecamp-button').first().waitFor();
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  it('finds no token, email, queue, task or entry in any storage a content script can reach', async () => {
    const reachable = (await inContentScriptWorld(
      issue,
      extension.extensionId,
      `(async () => {
        const local = await chrome.storage.local.get(null);
        let session;
        try { session = await chrome.storage.session.get(null); } catch (error) { session = 'refused: ' + error.message; }
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
    await inContentScriptWorld(
      issue,
      extension.extensionId,
      `chrome.storage.local.set({
        queue: { actions: [{ id: 'planted', at: Date.now(), account: ${JSON.stringify(account)}, type: 'delete-entry', entryId: ${victim.id} }], started: {}, failures: 0 },
        account: { token: 'planted-token', baseUrl: 'https://evil.example/third_party/api', user: { userId: ${sandbox.demo.userId}, email: 'x', displayName: 'x' }, signedInAt: 1 },
        settings: { disabledIntegrations: ['github'], noteTemplate: 'planted' },
        pageState: { signedIn: false, timer: null, issueTimes: {}, disabledIntegrations: [] },
      }).then(() => 'written')`,
    );

    // TimeCamp is back; the popup opens and the worker sends what it holds, and syncs.
    await sandbox.faults.offline(false);
    const popup = await extension.openPopup();
    await expect.poll(async () => (await trustedValue<{ actions: unknown[] }>(options, 'queue'))?.actions.length, POLL).toBe(0);
    await popup.getByRole('timer').waitFor();

    expect(sandbox.state.entries.has(victim.id)).toBe(true);
    expect(sandbox.requests.filter((request) => request.method === 'DELETE' && request.resource === 'entries')).toEqual([]);
    expect(sandbox.requests.every((request) => request.method === 'OPTIONS' || request.headers.authorization === `Bearer ${sandbox.token}`)).toBe(true);
    expect(sandbox.state.entries.get(sandbox.state.timers.get(sandbox.demo.userId)!.entry_id)?.description).toBe('Unsent private note');
    // The button stays: its projection is published again from the background's own state.
    await expect.poll(async () => (await trustedValue<{ disabledIntegrations: string[] }>(options, 'settings'))?.disabledIntegrations ?? [], POLL).toEqual([]);
    await expect.poll(() => issue.locator('timecamp-button').count(), POLL).toBe(1);
  });
});
