import { describe, expect, it } from 'vitest';
import { createTimeCampClient } from '@/lib/api';
import { refreshToday, today } from '@/lib/entries/today';
import { account, accountKeyOf } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { fetchIssueTime } from '@/lib/tasks/issue-time';
import { MINUTE, T0, useTimerHarness } from './harness';

// One test per way a click was lost or doubled before the engine held to the
// spec. Each of these failed on the engine they replaced.

process.env.TZ = 'America/Los_Angeles';

const h = useTimerHarness();
const tasks = () => h.env.sandbox.demo.tasks;
const requests = (resource: string, action?: string) =>
  h.env.sandbox.requests.filter((r) => r.resource === resource && (action === undefined || (r.body as { action?: string }).action === action));

async function knowAccountZone() {
  await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
}

/** A fetch that answers one kind of request itself, as a server of another generation might. */
function answering(match: (url: URL, init: RequestInit | undefined) => boolean, reply: () => Response): typeof fetch {
  return async (input, init) => (match(new URL(String(input)), init) ? reply() : fetch(input, init));
}

const isPutEntries = (url: URL, init: RequestInit | undefined) => url.pathname.endsWith('/entries') && init?.method === 'PUT';

describe('regressions: every click reaches TimeCamp once', () => {
  it('a start whose note TimeCamp refuses still starts, and the stop after it still stops', async () => {
    await knowAccountZone();
    const refuseNotes = answering(isPutEntries, () => new Response(JSON.stringify({ message: 'Vacation limit time exceeded.' }), { status: 400 }));
    const { engine, queue } = h.boot({ fetch: refuseNotes });

    await engine.start({ taskId: tasks().githubIssue, note: '#12 Fix login redirect' });
    await queue.drain();
    h.advance(20 * MINUTE);
    await engine.stop();
    await queue.drain();

    expect(h.serverTimer()).toBeNull();
    expect(h.newEntries()).toEqual([expect.objectContaining({ task_id: tasks().githubIssue, start_time: '10:00:00', end_time: '10:20:00' })]);
    // The refused note waits for the user with TimeCamp's words; nothing else does.
    expect((await actionQueue.getValue()).actions).toEqual([
      expect.objectContaining({ type: 'edit-running', note: '#12 Fix login redirect', attention: expect.objectContaining({ kind: 'bad-request', message: 'Vacation limit time exceeded.' }) }),
    ]);
  });

  it('a write TimeCamp took but answered in another shape is done, never sent again', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();

    await engine.start({ taskId: tasks().githubIssue, note: 'first' });
    await queue.drain();
    h.env.sandbox.faults.malformNext(1, 'other-shape');
    await engine.update({ note: 'second' });
    await queue.drain();
    h.advance(10 * MINUTE);
    await queue.drain();

    expect(requests('entries').filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect((await actionQueue.getValue()).actions).toEqual([]);
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'second' })]);
  });

  it('a start answered without the new timer ids learns them from the status', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.malformNext(1, 'other-shape');

    await engine.start({ taskId: tasks().githubPr, note: 'review' });
    await queue.drain();
    h.advance(5 * MINUTE);
    await engine.stop();
    await queue.drain();

    expect(requests('timer', 'start')).toHaveLength(1);
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'review', start_time: '10:00:00', end_time: '10:05:00' })]);
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });

  it("an error body under a 2xx is that error: a refused token pauses the queue, nothing is dropped", async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.malformNext(1, 'error-in-ok', { code: 401, message: 'Invalid token' });

    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();

    expect(await syncState.getValue()).toMatchObject({ authProblem: true });
    expect((await actionQueue.getValue()).actions).toEqual([expect.objectContaining({ type: 'start' })]);
    expect(h.serverTimer()).toBeNull();
  });

  it('recovers a start whose answer was lost from a status that names no task', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1, { afterApply: true });

    await engine.start({ taskId: tasks().jiraIssue });
    await queue.drain();
    h.advance(10_000);
    await queue.drain();

    expect(requests('timer', 'start')).toHaveLength(1);
    expect(await runningTimer.getValue()).toMatchObject({ timerId: h.serverTimer()!.timer_id, startId: null });
  });

  it('a sync that asked before a start does not wipe the start out', async () => {
    await knowAccountZone();
    let clickDuringStatus: (() => Promise<void>) | null = null;
    const slowStatus: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      const body = init?.body ? String(init.body) : '';
      if (body.includes('action=status') && clickDuringStatus) {
        const click = clickDuringStatus;
        clickDuringStatus = null;
        await click();
      }
      return answer;
    };
    const { engine, queue, sync } = h.boot({ fetch: slowStatus });
    clickDuringStatus = () => engine.start({ taskId: tasks().githubIssue });

    await sync();
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().githubIssue });
    await queue.drain();
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().githubIssue, timerId: h.serverTimer()!.timer_id });
  });

  it('a sync while a start waits to be sent again keeps the timer the user started', async () => {
    await knowAccountZone();
    const { engine, queue, sync } = h.boot();
    h.env.sandbox.faults.failNext(1, 503);
    await engine.start({ taskId: tasks().githubIssue, note: 'queued' });
    await queue.settled();
    expect(h.serverTimer()).toBeNull();

    // TimeCamp answers that no timer runs: it has not heard of the start yet.
    await sync();
    expect(h.env.sandbox.requests.some((r) => r.resource === 'timer' && (r.body as { action?: string }).action === 'status')).toBe(true);
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().githubIssue, note: 'queued' });

    h.advance(h.retries[0]!);
    await queue.drain();
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
  });

  it('a stop clicked while TimeCamp confirms the start leaves no timer on screen', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    let stopping: Promise<void> | null = null;
    const unwatch = actionQueue.watch((queued) => {
      // The instant the confirmed start leaves the queue, the user clicks Stop.
      if (!stopping && queued && !queued.actions.some((a) => a.type === 'start')) stopping = engine.stop();
    });

    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    await stopping;
    await queue.drain();
    unwatch();

    expect(await runningTimer.getValue()).toBeNull();
    expect(h.serverTimer()).toBeNull();
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });

  it('nothing made under one account is ever sent as another', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);
    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();
    await h.env.sandbox.faults.offline(false);

    // Another person's token in this browser, however it got there.
    const marta = h.env.sandbox.users.find((user) => user.user_id === h.env.sandbox.demo.users.noCreate)!;
    await account.setValue({ token: marta.token, baseUrl: h.env.sandbox.url, user: { userId: marta.user_id, email: marta.email, displayName: marta.display_name }, signedInAt: T0 });
    await queue.drain({ urgent: true });

    expect(requests('timer', 'start')).toEqual([]);
    expect(h.env.sandbox.state.timers.get(marta.user_id)).toBeUndefined();
    expect((await actionQueue.getValue()).actions).toEqual([expect.objectContaining({ type: 'start' })]);
  });

  it("an administrator's Today and issue time count their own entries, never a colleague's", async () => {
    const marta = h.env.sandbox.users.find((user) => user.user_id === h.env.sandbox.demo.users.noCreate)!;
    const asMarta = createTimeCampClient({ token: marta.token, baseUrl: h.env.sandbox.url, retry: { attempts: 1 } });
    await asMarta.entries.add({ date: '2026-11-27', durationSeconds: 3 * 3600, startTime: '06:00:00', endTime: '09:00:00', taskId: tasks().githubIssue, note: "Marta's work" });
    const signedIn = (await account.getValue())!;
    const asAlex = createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl, retry: { attempts: 1 } });

    await refreshToday(asAlex, accountKeyOf(signedIn), '2026-11-27', signedIn.user.userId, T0);
    const issue = await fetchIssueTime(asAlex, tasks().githubIssue, '2026-11-27');

    expect((await today.getValue())!.entries.map((e) => e.note)).not.toContain("Marta's work");
    expect(issue.todaySeconds).toBe(0);
  });

  it("the first start on an account does not end the timer running there at a wrongly guessed moment", async () => {
    // Started in TimeCamp's web app at 09:30 Warsaw time; this browser (Los Angeles) has not learnt the account's zone.
    const elsewhere = h.env.client();
    await elsewhere.timer.start({ taskId: tasks().jiraIssue, startedAt: '2026-11-27 09:30:00' });
    const { engine, queue } = h.boot();

    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();

    const jira = h.newEntries().find((e) => e.task_id === tasks().jiraIssue);
    expect(jira).toMatchObject({ start_time: '09:30:00', end_time: '10:00:00' });
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
  });

  it('a later edit of an entry waits for an earlier one that needs attention, so a retry never undoes it', async () => {
    const { engine, queue } = h.boot();
    const entryId = [...h.env.sandbox.state.entries.values()].find((e) => e.user_id === h.env.sandbox.demo.userId && e.date === '2026-11-27' && e.id !== h.env.sandbox.demo.invoicedEntryId && e.id !== h.env.sandbox.demo.lockedEntryId)!.id;
    h.env.sandbox.faults.failNext(1, 403, { message: 'You do not have permissions to edit this entry' });

    await engine.editEntry(entryId, { note: 'first' });
    await queue.drain();
    await engine.editEntry(entryId, { note: 'second' });
    await queue.drain();
    const [held] = (await actionQueue.getValue()).actions;
    await queue.retry(held!.id);

    expect(h.env.sandbox.state.entries.get(entryId)?.description).toBe('second');
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });
});
