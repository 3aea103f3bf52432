import { describe, expect, it, vi } from 'vitest';
import { signIn } from '@/lib/account/sign-in';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { MINUTE, T0, useTimerHarness } from './harness';

process.env.TZ = 'America/Los_Angeles';

const h = useTimerHarness();
const tasks = () => h.env.sandbox.demo.tasks;
const timerStarts = () => h.env.sandbox.requests.filter((r) => r.resource === 'timer' && (r.body as { action?: string }).action === 'start');

async function knowAccountZone() {
  await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
}

describe('nothing the user did is lost', () => {
  it('sends a start and a stop made offline when TimeCamp is back, with their own times, once', async () => {
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);

    await engine.start({ taskId: tasks().githubIssue, note: 'offline work' });
    h.advance(25 * MINUTE);
    await engine.stop();
    await queue.drain();
    expect((await actionQueue.getValue()).actions.map((a) => a.type)).toEqual(['start', 'edit-running', 'stop']);
    expect((await syncState.getValue()).problem).toMatchObject({ kind: 'network' });
    expect(h.retries.length).toBeGreaterThan(0);

    h.advance(40 * MINUTE);
    await h.env.sandbox.faults.offline(false);
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:25:00', duration: 1500, description: 'offline work' })]);
    expect(h.serverTimer()).toBeNull();
    // The start's confirmation, arriving after the stop, brings no timer back on screen.
    expect(await runningTimer.getValue()).toBeNull();
    expect((await actionQueue.getValue()).actions).toEqual([]);
    expect((await syncState.getValue()).problem).toBeNull();
  });

  it('does not start a second timer when the answer to a start was lost', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1, { afterApply: true });

    await engine.start({ taskId: tasks().githubIssue, note: 'n' });
    await queue.settled();
    expect((await actionQueue.getValue()).actions).toEqual([
      expect.objectContaining({ type: 'start', sent: true }),
      expect.objectContaining({ type: 'edit-running', note: 'n' }),
    ]);

    h.advance(10_000);
    await queue.drain();
    expect(timerStarts()).toHaveLength(1);
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'n' })]);
    expect(await runningTimer.getValue()).toMatchObject({ timerId: h.serverTimer()!.timer_id });
  });

  it('creates an entry added while the answer is lost only once', async () => {
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1, { afterApply: true });

    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:45:00', durationSeconds: 2700, taskId: tasks().internalMeetings, note: 'Planning' });
    await queue.settled();
    expect((await actionQueue.getValue()).actions).toEqual([expect.objectContaining({ type: 'add-entry', sent: true })]);
    // Past the backoff, so the replay runs: it finds the entry there and leaves it be.
    h.advance(10_000);
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '08:00:00', end_time: '08:45:00', description: 'Planning' })]);
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });

  it.each([
    ['another task', { taskId: 'githubPr' }],
    ['another note', { note: 'Planning (other)' }],
    ['another start', { startTime: '08:05:00', durationSeconds: 2400 }],
    ['another end', { endTime: '08:40:00', durationSeconds: 2400 }],
    ['another duration', { durationSeconds: 2000 }],
  ] as const)('still adds an entry whose answer was lost when only one with %s is there', async (_, differs) => {
    const entry = { date: '2026-11-27', startTime: '08:00:00', endTime: '08:45:00', durationSeconds: 2700, taskId: tasks().internalMeetings, note: 'Planning' };
    const { taskId, ...other } = { ...entry, ...differs };
    await h.env.client().entries.add({ ...other, taskId: typeof taskId === 'string' ? tasks()[taskId] : taskId });
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1);

    await engine.addEntry(entry);
    await queue.settled();
    expect((await actionQueue.getValue()).actions).toEqual([expect.objectContaining({ type: 'add-entry', sent: true })]);
    h.advance(10 * MINUTE);
    await queue.drain();

    expect(h.newEntries()).toHaveLength(2);
    expect(h.newEntries()).toContainEqual(expect.objectContaining({ start_time: '08:00:00', end_time: '08:45:00', duration: 2700, description: 'Planning', task_id: tasks().internalMeetings }));
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });

  it('sends what a worker queued before it was killed, once, from the next worker', async () => {
    await knowAccountZone();
    const killed = h.boot({ silent: true });
    await killed.engine.start({ taskId: tasks().githubIssue });
    h.advance(10 * MINUTE);
    await killed.engine.stop();
    expect(h.env.sandbox.requests).toEqual([]);

    const next = h.boot();
    await next.queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:10:00' })]);
    expect(timerStarts()).toHaveLength(1);
  });

  it('applies a start exactly once when the worker died while its request was out', async () => {
    await knowAccountZone();
    let reached!: () => void;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    // The request reaches TimeCamp; the worker never hears back (it is gone).
    const dying = h.boot({ fetch: async (input, init) => (await fetch(input, init), reached(), new Promise<Response>(() => undefined)) });
    await dying.engine.start({ taskId: tasks().githubIssue, note: 'n' });
    await arrived;

    const next = h.boot();
    await next.queue.drain();
    h.advance(5 * MINUTE);
    await next.engine.stop();
    await next.queue.drain();

    expect(timerStarts()).toHaveLength(1);
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:05:00', description: 'n' })]);
  });

  it('pauses on a refused token and goes on, losing nothing, after signing in again', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(1, 401);

    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    expect(await syncState.getValue()).toMatchObject({ authProblem: true, problem: { kind: 'auth' } });

    const requestsWhilePaused = h.env.sandbox.requests.length;
    await queue.drain();
    expect(h.env.sandbox.requests).toHaveLength(requestsWhilePaused);

    expect(await signIn({ token: h.env.sandbox.token, serverUrl: h.env.sandbox.url })).toMatchObject({ ok: true });
    await queue.drain();
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
    expect(await syncState.getValue()).toMatchObject({ authProblem: false, problem: null });
  });

  it('keeps an action through a server error and asks to be woken to retry', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(1, 503);

    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    expect(h.retries).toHaveLength(1);
    expect(h.retries[0]).toBeGreaterThanOrEqual(2_500);
    expect((await syncState.getValue()).problem).toMatchObject({ kind: 'server', during: 'Starting the timer' });

    // Woken before the wait is over (a tracker page, a new worker): nothing is sent yet.
    await queue.drain();
    expect(h.serverTimer()).toBeNull();
    h.advance(h.retries[0]!);
    await queue.drain();
    expect(h.serverTimer()).not.toBeNull();
  });

  it('a new worker, woken during a backoff of ours, waits out the rest of it', async () => {
    await knowAccountZone();
    const first = h.boot();
    h.env.sandbox.faults.failNext(1, 503);
    await first.engine.start({ taskId: tasks().githubIssue });
    await first.queue.settled();
    const asked = h.env.sandbox.requests.length;
    const wait = h.retries[0]!;

    // Chrome killed the worker; a tracker page (not a click) wakes the next one a second later.
    const next = h.boot();
    h.advance(1_000);
    await next.queue.drain();
    expect(h.env.sandbox.requests).toHaveLength(asked);
    expect(h.retries.at(-1)).toBe(wait - 1_000);

    h.advance(wait);
    await next.queue.drain();
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
  });

  it("sends at once when the user acts during a backoff of ours, and shows TimeCamp's words about the failure", async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(1, 503, { message: 'Down for maintenance' });

    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    expect((await syncState.getValue()).problem).toMatchObject({ kind: 'server', message: 'Down for maintenance' });
    expect(h.serverTimer()).toBeNull();

    await engine.update({ note: 'a click' });
    await queue.settled();
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'a click' })]);
  });

  it('keeps a refusal on show after the next action goes through, until the user has seen it', async () => {
    await knowAccountZone();
    const refusal = { kind: 'forbidden' as const, message: 'You do not have permissions to edit this entry', during: 'Changing an entry', at: T0 - MINUTE };
    await syncState.setValue({ ...(await syncState.getValue()), problem: refusal });
    const { engine, queue } = h.boot();

    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();

    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
    expect((await syncState.getValue()).problem).toEqual(refusal);
  });

  it('waits as long as TimeCamp asks after a rate limit', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(1, 429, { retryAfter: 20 });

    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    expect(h.retries).toEqual([20_000]);
  });

  it("keeps TimeCamp's Retry-After across a worker restart, page wake-ups and clicks", async () => {
    await knowAccountZone();
    const first = h.boot();
    h.env.sandbox.faults.failNext(1, 503, { retryAfter: 120 });
    await first.engine.start({ taskId: tasks().githubIssue });
    await first.queue.settled();
    const asked = h.env.sandbox.requests.length;

    // A new worker, woken by a tracker page, then a click in the popup, within the two minutes.
    const next = h.boot();
    h.advance(30_000);
    await next.queue.drain();
    await next.engine.update({ note: 'still waiting' });
    await next.queue.drain({ urgent: true });
    expect(h.env.sandbox.requests).toHaveLength(asked);
    expect(h.retries.at(-1)).toBe(90_000);

    h.advance(90_000);
    await next.queue.drain();
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'still waiting' })]);
  });

  it('waits longer after each failure in a row, 5, 10, then 20 s at most, and starts over once one goes through', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(3, 503);

    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    await queue.settled();
    for (let failure = 1; failure < 3; failure++) {
      h.advance(h.retries.at(-1)!);
      await queue.drain();
    }
    // Each wait falls in the upper half of its ceiling: the jitter never makes a later one shorter.
    expect(h.retries).toHaveLength(3);
    expect(h.retries[0]).toBeGreaterThanOrEqual(2_500);
    expect(h.retries[0]).toBeLessThanOrEqual(5_000);
    expect(h.retries[1]).toBeGreaterThanOrEqual(5_000);
    expect(h.retries[1]).toBeLessThanOrEqual(10_000);
    expect(h.retries[2]).toBeGreaterThanOrEqual(10_000);
    expect(h.retries[2]).toBeLessThanOrEqual(20_000);
    expect(await actionQueue.getValue()).toMatchObject({ failures: 3, notBefore: T0 + h.retries[0]! + h.retries[1]! + h.retries[2]! });

    h.advance(h.retries.at(-1)!);
    await queue.drain();
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Standup' })]);
    expect(await actionQueue.getValue()).toMatchObject({ actions: [], failures: 0, notBefore: null });
  });

  it('does not use up the attempts of an action while the browser says it is offline; a server error, or a failure online, does', async () => {
    await knowAccountZone();
    let browserOnline = false;
    const { engine, queue } = h.boot({ online: () => browserOnline });
    const attempts = async () => (await actionQueue.getValue()).actions[0]!.attempts;
    await h.env.sandbox.faults.offline(true);

    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    await queue.settled();
    expect(await attempts()).toBe(0);
    expect((await syncState.getValue()).problem).toMatchObject({ kind: 'network' });

    // Online as far as the browser knows, yet TimeCamp is out of reach: that counts.
    browserOnline = true;
    h.advance(6 * MINUTE);
    await queue.drain();
    expect(await attempts()).toBe(1);

    // TimeCamp answered with an error: that counts whatever the browser believes.
    browserOnline = false;
    await h.env.sandbox.faults.offline(false);
    h.env.sandbox.faults.failNext(1, 503);
    h.advance(6 * MINUTE);
    await queue.drain();
    expect(await attempts()).toBe(2);
  });

  it("counts each action's own attempts: one queued behind an action that failed eight times is not held at its first failure", async () => {
    await knowAccountZone();
    // Both queued by a worker that died before sending anything.
    const killed = h.boot({ silent: true });
    await killed.engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    await killed.engine.addEntry({ date: '2026-11-27', startTime: '09:00:00', endTime: '09:30:00', durationSeconds: 1800, note: 'Review' });
    const { queue } = h.boot();
    // The first fails eight times and is held; the second then fails once, in the same pass.
    h.env.sandbox.faults.failNext(9, 500);
    for (let attempt = 0; attempt < 8; attempt++) {
      h.advance(6 * MINUTE);
      await queue.drain();
    }
    const [standup, review] = (await actionQueue.getValue()).actions;
    expect(standup).toMatchObject({ entry: { note: 'Standup' }, attempts: 8, attention: { kind: 'server' } });
    expect(review).toMatchObject({ entry: { note: 'Review' }, attempts: 1 });
    expect(review!.attention).toBeUndefined();

    h.advance(6 * MINUTE);
    await queue.drain();
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Review' })]);
  });

  it('counts a network failure as an attempt where the browser cannot tell whether it is online', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);
    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    await queue.settled();
    expect((await actionQueue.getValue()).actions).toEqual([expect.objectContaining({ attempts: 1 })]);
  });

  it('holds an action that keeps failing after eight attempts, and sends what does not depend on it', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(8, 500);

    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    for (let attempt = 0; attempt < 8; attempt++) {
      h.advance(6 * MINUTE);
      await queue.drain();
    }
    await engine.start({ taskId: tasks().githubPr });
    await queue.drain();

    expect((await actionQueue.getValue()).actions).toEqual([expect.objectContaining({ type: 'add-entry', attempts: 8, attention: expect.objectContaining({ kind: 'server' }) })]);
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubPr });
    // One POST, then seven looks whether it landed after all: eight attempts, then it waits for the user.
    expect(h.env.sandbox.requests.filter((r) => r.resource === 'entries').map((r) => r.method)).toEqual(['POST', ...Array(7).fill('GET')]);
  });
});

describe("held actions, the user's Retry and Discard", () => {
  const queued = async () => (await actionQueue.getValue()).actions;

  /** A start TimeCamp refuses (a task one may not track to), held, and an entry after it waiting on a 503 backoff of ours. */
  async function heldStartAndWaitingEntry(fault: () => void) {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().notTrackableLeaf });
    await queue.settled();
    fault();
    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    await queue.settled();
    const [held, waiting] = await queued();
    expect(held).toMatchObject({ type: 'start', attention: { kind: 'forbidden' } });
    expect(waiting).toMatchObject({ type: 'add-entry', attempts: 1 });
    expect(waiting!.attention).toBeUndefined();
    return { engine, queue, held: held!, waiting: waiting! };
  }

  it("a Retry naming an action that is not held changes nothing, and TimeCamp's Retry-After still stands", async () => {
    const { queue, held, waiting } = await heldStartAndWaitingEntry(() => h.env.sandbox.faults.failNext(1, 429, { retryAfter: 120 }));
    const asked = h.env.sandbox.requests.length;

    await queue.retry(waiting.id);
    await queue.retry('no-such-action');

    expect(h.env.sandbox.requests).toHaveLength(asked);
    expect(await queued()).toEqual([held, waiting]);
  });

  it('a Retry from a stale view, on an action no longer held, still sends at once what waits on a backoff of ours', async () => {
    const { queue, held, waiting } = await heldStartAndWaitingEntry(() => h.env.sandbox.faults.failNext(1, 503));

    await queue.retry(waiting.id);

    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Standup', start_time: '08:00:00' })]);
    expect(await queued()).toEqual([held]);
  });

  it('a Discard naming an action that is not held changes nothing', async () => {
    const { queue, held, waiting } = await heldStartAndWaitingEntry(() => h.env.sandbox.faults.failNext(1, 429, { retryAfter: 120 }));

    await queue.discard(waiting.id);

    expect(await queued()).toEqual([held, waiting]);
    expect(await runningTimer.getValue()).toMatchObject({ startId: held.id });
  });

  it("a Discard drops the held action alone and sends at once what waits on a backoff of ours", async () => {
    const { queue, held } = await heldStartAndWaitingEntry(() => h.env.sandbox.faults.failNext(1, 503));

    await queue.discard(held.id);

    expect(await runningTimer.getValue()).toBeNull();
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Standup', start_time: '08:00:00' })]);
    expect(await queued()).toEqual([]);
  });

  it('a Retry sends again only the action it names; another held action stays held', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(2, 403, { message: 'You do not have permissions to edit this entry' });
    const [first, second] = [...h.env.sandbox.state.entries.values()].filter(
      (e) => e.user_id === h.env.sandbox.demo.userId && e.id !== h.env.sandbox.demo.invoicedEntryId && e.id !== h.env.sandbox.demo.lockedEntryId,
    );
    await engine.editEntry(first!.id, { note: 'first' });
    await engine.editEntry(second!.id, { note: 'second' });
    await queue.settled();
    const [heldFirst, heldSecond] = await queued();
    expect([heldFirst!.attention?.kind, heldSecond!.attention?.kind]).toEqual(['forbidden', 'forbidden']);

    await queue.retry(heldFirst!.id);

    expect(h.env.sandbox.state.entries.get(first!.id)?.description).toBe('first');
    expect(h.env.sandbox.state.entries.get(second!.id)?.description).not.toBe('second');
    expect(await queued()).toEqual([heldSecond]);
  });

  it('a timer started elsewhere, shown by the next sync, leaves a held entry waiting for the user', async () => {
    await knowAccountZone();
    const { engine, queue, sync } = h.boot();
    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, taskId: tasks().notTrackableLeaf, note: 'Refused' });
    await queue.settled();
    const [held] = await queued();
    expect(held).toMatchObject({ attention: { kind: expect.any(String) } });

    // The sync writes the timer alone: the queue it leaves untouched.
    await h.env.client().timer.start({ taskId: tasks().jiraIssue, startedAt: '2026-11-27 09:30:00' });
    await sync();

    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().jiraIssue, startedHere: false });
    expect(await queued()).toEqual([held]);
  });

  it('a Retry of a refused start, stopped meanwhile, adds the time it ran as an entry and leaves the timer running in TimeCamp alone', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.failNext(1, 403, { message: 'You cannot track time to this task' });
    await engine.start({ taskId: tasks().githubIssue, note: 'refused, then allowed' });
    await queue.settled();
    expect((await queued())[0]).toMatchObject({ type: 'start', attention: { kind: 'forbidden' } });
    h.advance(30 * MINUTE);
    await engine.stop();
    await queue.drain();
    // Meanwhile a timer was started in TimeCamp itself: sending the old start and stop would end it.
    await h.env.client().timer.start({ taskId: tasks().jiraIssue, startedAt: '2026-11-27 10:30:00' });

    await queue.retry((await queued())[0]!.id);

    expect(h.newEntries()).toEqual([
      expect.objectContaining({ start_time: '10:30:00', task_id: tasks().jiraIssue }),
      expect.objectContaining({ date: '2026-11-27', start_time: '10:00:00', end_time: '10:30:00', task_id: tasks().githubIssue, description: 'refused, then allowed' }),
    ]);
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().jiraIssue });
    expect(await queued()).toEqual([]);
  });

  it('discarding a held edit leaves the running timer running, and works with no timer at all', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    const entryId = [...h.env.sandbox.state.entries.values()].find((e) => e.user_id === h.env.sandbox.demo.userId && e.id !== h.env.sandbox.demo.lockedEntryId)!.id;

    h.env.sandbox.faults.failNext(1, 403, { message: 'You do not have permissions to edit this entry' });
    await engine.editEntry(entryId, { note: 'refused' });
    await queue.settled();
    const [withoutTimer] = await queued();
    await queue.discard(withoutTimer!.id);
    expect(await queued()).toEqual([]);

    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    h.env.sandbox.faults.failNext(1, 403, { message: 'You do not have permissions to edit this entry' });
    await engine.editEntry(entryId, { note: 'refused again' });
    await queue.settled();
    const [held] = await queued();
    await queue.discard(held!.id);

    expect(await queued()).toEqual([]);
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().githubIssue, timerId: h.serverTimer()!.timer_id });
  });

  it('goes on with the rest in the same pass when one action is refused', async () => {
    await knowAccountZone();
    const queuedOnly = h.boot({ silent: true });
    await queuedOnly.engine.start({ taskId: tasks().notTrackableLeaf });
    await queuedOnly.engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });

    const { queue } = h.boot();
    await queue.drain();

    expect(await queued()).toEqual([expect.objectContaining({ type: 'start', attention: expect.objectContaining({ kind: 'forbidden' }) })]);
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Standup' })]);
  });

  it('marks a refused action that an earlier, unanswered attempt may have carried out, and only that one', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1);
    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    await queue.settled();
    h.env.sandbox.faults.failNext(2, 400, { message: 'Entry overlaps another' });
    h.advance(10 * MINUTE);
    await queue.drain();
    await engine.addEntry({ date: '2026-11-27', startTime: '09:00:00', endTime: '09:30:00', durationSeconds: 1800, note: 'Review' });
    await queue.settled();

    const [sentBefore, refusedAtOnce] = await queued();
    expect(sentBefore!.attention).toEqual({ kind: 'bad-request', message: 'Entry overlaps another', heldAt: T0 + 10 * MINUTE, mayHaveLanded: true });
    expect(refusedAtOnce!.attention).toEqual({ kind: 'bad-request', message: 'Entry overlaps another', heldAt: T0 + 10 * MINUTE });
  });

  it('a Retry of a start that may have landed, stopped meanwhile, ends the timer TimeCamp runs and adds no second entry', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    // The start lands, its answer is lost; then every look whether it landed fails, until it is held.
    h.env.sandbox.faults.dropNext(1, { afterApply: true });
    await engine.start({ taskId: tasks().githubIssue, note: 'landed' });
    await queue.settled();
    h.env.sandbox.faults.failNext(7, 500);
    for (let attempt = 1; attempt < 8; attempt++) {
      h.advance(6 * MINUTE);
      await queue.drain();
    }
    const [held] = await queued();
    expect(held).toMatchObject({ type: 'start', attempts: 8, attention: { kind: 'server', mayHaveLanded: true } });
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });

    await engine.stop();
    await queue.drain();
    expect(h.serverTimer()).not.toBeNull();
    await queue.retry(held!.id);

    expect(h.serverTimer()).toBeNull();
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:42:00', description: 'landed' })]);
    expect(await queued()).toEqual([]);
  });

  it("a start TimeCamp took whose timer was stopped elsewhere at once leaves no timer on screen", async () => {
    await knowAccountZone();
    const elsewhere = h.env.client();
    const stoppedAtOnce: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if (String(init?.body ?? '').includes('action=start')) await elsewhere.timer.stop();
      return answer;
    };
    const { engine, queue } = h.boot({ fetch: stoppedAtOnce });
    h.env.sandbox.faults.malformNext(1, 'other-shape');

    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();

    expect(h.serverTimer()).toBeNull();
    expect(await runningTimer.getValue()).toBeNull();
    expect(await queued()).toEqual([]);
  });
});

describe('learning the account zone while the network comes and goes', () => {
  it('ends with one entry at the right times when the first start is interrupted mid-correction', async () => {
    let failDiscard = true;
    const flaky: typeof fetch = async (input, init) => {
      // The correction (discard, then start again) loses its connection once, half-way.
      if (failDiscard && init?.method === 'DELETE') {
        failDiscard = false;
        throw new TypeError('network down');
      }
      return fetch(input, init);
    };
    const { engine, queue } = h.boot({ fetch: flaky });
    await engine.start({ taskId: tasks().githubIssue, note: 'zone' });
    await queue.settled();
    h.advance(15 * MINUTE);
    await engine.stop();
    await queue.drain();
    await queue.drain();

    expect(h.serverTimer()).toBeNull();
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:15:00', description: 'zone' })]);
  });
});

describe('a browser with no space left', () => {
  const fullDisk = () =>
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

  it('says nothing about space while every save succeeds', async () => {
    // The notice that there is room again is for a browser that refused a save before.
    await knowAccountZone();
    const full: boolean[] = [];
    const { engine, queue } = h.boot({ onStorageFull: (state) => void full.push(state) });
    await engine.start({ taskId: tasks().githubIssue });
    h.advance(10 * MINUTE);
    await engine.stop();
    await queue.drain();
    expect(h.newEntries()).toHaveLength(1);
    expect(full).toEqual([]);
  });

  it('keeps the clicks it could not save with no one listening for the notice', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);
    const put = fullDisk();

    await engine.start({ taskId: tasks().githubIssue, note: 'kept in memory' });
    await queue.settled();
    h.advance(10 * MINUTE);
    await engine.stop();
    await queue.settled();

    put.mockRestore();
    await h.env.sandbox.faults.offline(false);
    h.advance(10 * MINUTE);
    await queue.drain();
    expect(h.serverTimer()).toBeNull();
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:10:00', description: 'kept in memory' })]);
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });

  it('still shows, and stops, a timer saved before the disk filled up, after a click it could not save', async () => {
    await knowAccountZone();
    const { engine, queue } = h.boot({ onStorageFull: () => undefined });
    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();
    await h.env.sandbox.faults.offline(true);
    const put = fullDisk();

    await engine.addEntry({ date: '2026-11-27', startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, note: 'Standup' });
    await queue.settled();
    h.advance(10 * MINUTE);
    await engine.stop();

    put.mockRestore();
    await h.env.sandbox.faults.offline(false);
    h.advance(10 * MINUTE);
    await queue.drain();
    expect(h.serverTimer()).toBeNull();
    expect(h.newEntries()).toEqual(
      expect.arrayContaining([expect.objectContaining({ start_time: '10:00:00', end_time: '10:10:00' }), expect.objectContaining({ description: 'Standup' })]),
    );
  });

  it('a sync that cannot save what TimeCamp says fails, and the next click is queued as usual once there is room', async () => {
    await knowAccountZone();
    const { engine, queue, sync } = h.boot({ onStorageFull: () => undefined });
    await h.env.client().timer.start({ taskId: tasks().jiraIssue, startedAt: '2026-11-27 09:30:00' });
    const put = fullDisk();

    await sync().catch(() => undefined);

    put.mockRestore();
    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });

  it('a full disk while learning the account zone is retried, not held for the user', async () => {
    const { engine, queue } = h.boot({ onStorageFull: () => undefined });
    const put = fullDisk();

    await engine.start({ taskId: tasks().githubIssue, note: 'zone on a full disk' });
    await queue.settled();
    expect(h.retries.length).toBeGreaterThan(0);

    put.mockRestore();
    h.advance(h.retries.at(-1)!);
    await queue.drain();
    expect((await actionQueue.getValue()).actions).toEqual([]);
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubIssue });
    expect((await syncState.getValue()).accountOffsetMinutes).toBe(60);
  });

  it("holds a start whose account zone could not be saved eight times over, with the browser's words, shown once there is room", async () => {
    const { engine, queue } = h.boot({ onStorageFull: () => undefined });
    const put = fullDisk();
    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    for (let attempt = 1; attempt < 8; attempt++) {
      h.advance(6 * MINUTE);
      await queue.drain();
    }

    // Room again: the user's next change saves the queue the browser kept in memory.
    put.mockRestore();
    await engine.update({ note: 'after the disk filled up' });
    await queue.settled();
    expect((await actionQueue.getValue()).actions[0]).toMatchObject({
      type: 'start',
      attempts: 8,
      attention: { kind: 'malformed', message: 'The quota has been exceeded.' },
    });
  });

  it('keeps the clicks it could not save, sends them, says so, and saves what is left once there is room', async () => {
    await knowAccountZone();
    const full: boolean[] = [];
    const { engine, queue } = h.boot({ onStorageFull: (state) => void full.push(state) });
    await h.env.sandbox.faults.offline(true);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await engine.start({ taskId: tasks().githubIssue, note: 'kept in memory' });
    h.advance(10 * MINUTE);
    await engine.stop();
    expect(full).toContain(true);
    expect((await actionQueue.getValue()).actions).toEqual([]); // nothing could be written

    put.mockRestore();
    await h.env.sandbox.faults.offline(false);
    h.advance(10 * MINUTE);
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:10:00', description: 'kept in memory' })]);
    expect(full.at(-1)).toBe(false);
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });
});
