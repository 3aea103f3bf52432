import { describe, expect, it } from 'vitest';
import { createTimeCampClient } from '@/lib/api';
import type { Entry } from '@/lib/api';
import { today } from '@/lib/entries/today';
import { account, accountKeyOf } from '@/lib/storage/account';
import { settings, DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { runningTimer, type IssueRef } from '@/lib/storage/timer';
import { createTaskService } from '@/lib/tasks/service';
import { useTimerHarness } from '../timer/harness';

const h = useTimerHarness();

const issue = (externalId: string, key: string, title: string): IssueRef => ({
  integration: 'github',
  externalId,
  key,
  title,
  url: `https://github.com/octo/hello-world/issues/${key.slice(1)}`,
  project: 'octo/hello-world',
});

function services() {
  const tasks = createTaskService({ now: () => h.env.sandbox.clock.now() });
  const { engine, queue } = h.boot();
  return { tasks, engine, queue };
}

describe('starting from an issue', () => {
  it('starts on the linked task with the issue as the note and source', async () => {
    const { tasks, engine } = services();
    const linked = issue('github_issue_octo/hello-world#12', '#12', 'Fix login redirect after sign-in');

    const result = await tasks.startFromIssue(linked, engine);

    expect(result).toMatchObject({ outcome: 'started', task: { taskId: h.env.sandbox.demo.tasks.githubIssue, name: 'Fix login redirect' } });
    expect(await runningTimer.getValue()).toMatchObject({ taskId: h.env.sandbox.demo.tasks.githubIssue, note: '#12 Fix login redirect after sign-in', source: linked });
  });

  it("starts at the click, however long finding and creating the issue's task took", async () => {
    // Every request to TimeCamp takes twenty seconds.
    const slow: typeof fetch = async (input, init) => {
      h.advance(20_000);
      return fetch(input, init);
    };
    const tasks = createTaskService({
      now: () => h.env.sandbox.clock.now(),
      client: (signedIn) => createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl, fetch: slow, retry: { attempts: 1 } }),
    });
    const { engine, queue } = h.boot();
    await settings.setValue({ ...DEFAULT_SETTINGS, createTasks: true });
    const clickedAt = h.env.sandbox.clock.now();

    const result = await tasks.startFromIssue(issue('github_issue_octo/hello-world#120', '#120', 'Slow to find'), engine, clickedAt);
    await queue.drain();

    expect(result).toMatchObject({ outcome: 'started' });
    expect(h.env.sandbox.clock.now() - clickedAt).toBeGreaterThanOrEqual(40_000);
    expect(await runningTimer.getValue()).toMatchObject({ startedAt: clickedAt });
    expect(h.newEntries().filter((e) => e.description === '#120 Slow to find')).toEqual([expect.objectContaining({ start_time: '10:00:00' })]);
  });

  it('asks for a task when none is linked, offering matches and the note, and remembers the choice', async () => {
    const { tasks, engine } = services();
    const unlinked = issue('github_issue_octo/hello-world#99', '#99', 'Login page is slow');

    const result = await tasks.startFromIssue(unlinked, engine);
    expect(result).toMatchObject({ outcome: 'needs-task', note: '#99 Login page is slow' });
    expect(await runningTimer.getValue()).toBeNull();

    await tasks.chosen(h.env.sandbox.demo.tasks.githubIssue, { remember: true, source: unlinked });
    expect(await tasks.startFromIssue(unlinked, engine)).toMatchObject({ outcome: 'started', task: { taskId: h.env.sandbox.demo.tasks.githubIssue } });
  });

  it('uses the note template from the settings', async () => {
    await settings.setValue({ ...DEFAULT_SETTINGS, noteTemplate: '[{project}] {title}' });
    const { tasks, engine } = services();
    await tasks.startFromIssue(issue('github_issue_octo/hello-world#12', '#12', 'Fix login redirect'), engine);
    expect((await runningTimer.getValue())?.note).toBe('[octo/hello-world] Fix login redirect');
  });

  it('says signed-out when there is no account', async () => {
    await account.removeValue();
    const { tasks, engine } = services();
    expect(await tasks.startFromIssue(issue('x', '#1', 'y'), engine)).toEqual({ outcome: 'signed-out' });
  });

  it('searches the pickable tree, leaving out what the user may not track to', async () => {
    const { tasks } = services();
    const found = await tasks.search('compliance');
    expect(found.map((choice) => choice.taskId)).not.toContain(h.env.sandbox.demo.tasks.notTrackableLeaf);
    expect((await tasks.search('fix login'))[0]).toMatchObject({ taskId: h.env.sandbox.demo.tasks.githubIssue, path: expect.stringContaining('›') });
  });

  it("finds a task by the note of the user's entry on it today (the in-page picker searches here)", async () => {
    const { tasks } = services();
    const signedIn = (await account.getValue())!;
    const taskId = h.env.sandbox.demo.tasks.githubIssue;
    const entry = { id: 1, durationSeconds: 600, userId: signedIn.user.userId, userName: '', taskId, taskName: 'Fix login redirect', date: '2026-11-28', startTime: '09:00:00', endTime: '09:10:00', note: 'Pairing with Zoë on the SSO bug', billable: false, invoiceId: null, locked: false, addonsExternalId: null, modifiedAt: null, color: null } satisfies Entry;
    await today.setValue({ accountKey: accountKeyOf(signedIn), date: '2026-11-28', fetchedAt: 0, entries: [entry], weekSeconds: 600, attendance: null, away: [] });

    expect((await tasks.search('pairing zoe')).map((choice) => choice.taskId)).toEqual([taskId]);
  });

  it('still lets the user pick a task, and queues the start, when TimeCamp is out of reach', async () => {
    const { tasks, engine } = services();
    await tasks.tree(); // the tree was fetched earlier, as it is at sign-in
    await h.env.sandbox.faults.offline(true);
    const unlinked = issue('github_issue_octo/hello-world#99', '#99', 'Fix login redirect');

    const result = await tasks.startFromIssue(unlinked, engine);
    expect(result).toMatchObject({ outcome: 'needs-task', note: '#99 Fix login redirect' });
    if (result.outcome !== 'needs-task') throw new Error('expected the picker');
    // Offered from the cached tree; the start the user then makes is queued like any other.
    expect(result.suggestions[0]).toMatchObject({ taskId: h.env.sandbox.demo.tasks.githubIssue });
  });
});

describe('a task just made in TimeCamp', () => {
  const taskRequests = () => h.env.sandbox.requests.filter((request) => request.method === 'GET' && request.resource === 'tasks').length;
  async function makeInTimeCamp(name: string) {
    const signedIn = (await account.getValue())!;
    await createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl }).tasks.add({ name });
  }

  it('is found by a search that first missed it: the tree is fetched again, at most once in a short while', async () => {
    const { tasks } = services();
    await tasks.tree(); // fetched at sign-in, a minute ago
    h.advance(60_000);
    await makeInTimeCamp('Quarterly budget review');

    expect((await tasks.search('quarterly budget')).map((choice) => choice.name)).toEqual(['Quarterly budget review']);

    // Typing on with no match (each keystroke a search) does not fetch the tree again and again.
    const fetched = taskRequests();
    expect(fetched).toBeGreaterThan(0);
    for (const query of ['nothing-a', 'nothing-ab', 'nothing-abc']) expect(await tasks.search(query)).toEqual([]);
    expect(taskRequests()).toBe(fetched);
  });

  it('is not waited for by a button press: suggestions for an issue come from the tree at hand', async () => {
    const { tasks, engine } = services();
    await tasks.tree();
    h.advance(60_000);
    // The tree is fetched with the ids the user may track to: that request means a refetch.
    const treeFetches = () => h.env.sandbox.requests.filter((request) => request.resource === 'tasks' && request.query.perms === 'track_time').length;
    const fetched = treeFetches();

    const result = await tasks.startFromIssue(issue('github_issue_octo/hello-world#98', '#98', 'Nothing in the tree is named like this'), engine);

    expect(result).toMatchObject({ outcome: 'needs-task', suggestions: [] });
    expect(treeFetches()).toBe(fetched);
  });

  it('is found after the user asks for a refresh, however fresh the tree', async () => {
    const { tasks } = services();
    await tasks.tree();
    await makeInTimeCamp('Onboarding checklist');

    expect(await tasks.refresh('asked')).toBe(true);
    expect((await tasks.search('onboarding checklist')).map((choice) => choice.name)).toEqual(['Onboarding checklist']);
    // A miss right after a fetch asks TimeCamp nothing.
    expect(await tasks.refresh('no-match')).toBe(false);
  });
});
