import { describe, expect, it, vi } from 'vitest';
import { actionQueue } from '@/lib/storage/queue';
import { unlistedStops } from '@/lib/entries/waiting';
import { syncState } from '@/lib/storage/sync';
import { accountDate, accountDateTime } from '@/lib/timer/account-time';
import { MINUTE, useTimerHarness } from './harness';

process.env.TZ = 'Europe/Warsaw';

const h = useTimerHarness();
const tasks = () => h.env.sandbox.demo.tasks;
const queued = async () => (await actionQueue.getValue()).actions;

/** The sandbox account's day at T0 (10:00 there). */
const DAY = '2026-11-27';

/**
 * A fetch to TimeCamp that holds the answer to the first request `holds` picks until `release()`:
 * TimeCamp has the request; its answer is still on its way.
 */
function answerHeld(holds: (init?: RequestInit) => boolean) {
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  return {
    isHeld: () => held,
    release: () => release(),
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await fetch(input, init);
      if (!held && holds(init)) {
        held = true;
        await answered;
      }
      return answer;
    },
  };
}

describe('an entry edited or deleted while it waits to be sent', () => {
  it('a timer started and stopped offline, then edited, reaches TimeCamp as edited, once', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);
    await engine.start({ taskId: tasks().githubIssue, note: 'offline work' });
    h.advance(25 * MINUTE);
    await engine.stop();
    await queue.drain();
    const startId = (await queued()).find((action) => action.type === 'start')!.id;

    const revised = await engine.reviseWaiting(startId, {
      date: DAY,
      startTime: '09:30:00',
      endTime: '10:25:00',
      durationSeconds: 55 * 60,
      taskId: tasks().internalMeetings,
      note: 'planning, really',
    });
    expect(revised).toBe(true);
    await h.env.sandbox.faults.offline(false);
    await queue.drain();

    expect(h.newEntries()).toEqual([
      expect.objectContaining({ task_id: tasks().internalMeetings, start_time: '09:30:00', end_time: '10:25:00', duration: 3300, description: 'planning, really' }),
    ]);
    expect(h.serverTimer()).toBeNull();
    expect(await queued()).toEqual([]);
  });

  it('a timer whose start landed unanswered, then stopped and edited offline, ends as one entry and no timer', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1, { afterApply: true });
    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();
    await h.env.sandbox.faults.offline(true);
    h.advance(20 * MINUTE);
    await engine.stop();
    await queue.drain();
    expect(h.serverTimer()).not.toBeNull();

    const startId = (await queued()).find((action) => action.type === 'start')!.id;
    await engine.reviseWaiting(startId, { date: DAY, startTime: '10:00:00', endTime: '10:15:00', durationSeconds: 900, taskId: tasks().githubIssue, note: 'trimmed' });
    await h.env.sandbox.faults.offline(false);
    h.advance(10_000);
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:15:00', duration: 900, description: 'trimmed' })]);
    expect(h.serverTimer()).toBeNull();
  });

  it('a timer stopped and edited while its start is on its way ends as the edited entry, the start’s late answer no failure', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    // TimeCamp takes the start; its answer comes back when the test lets it.
    const start = answerHeld((init) => init?.method === 'POST' && String(init.body).includes('action=start'));
    const { engine, queue } = h.boot({ fetch: start.fetch });
    await engine.start({ taskId: tasks().githubIssue });
    await vi.waitFor(() => expect(start.isHeld()).toBe(true));
    h.advance(20 * MINUTE);
    await engine.stop();
    const startId = (await queued()).find((action) => action.type === 'start')!.id;
    await engine.reviseWaiting(startId, { date: DAY, startTime: '10:00:00', endTime: '10:15:00', durationSeconds: 900, taskId: tasks().githubIssue, note: 'trimmed' });

    start.release();
    await queue.settled();
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:15:00', duration: 900, description: 'trimmed' })]);
    expect(h.serverTimer()).toBeNull();
    expect(await queued()).toEqual([]);
    // The answer to an action no longer queued is nothing to retry, nor a problem to show.
    expect(h.retries).toEqual([]);
    expect((await syncState.getValue()).problem).toBeNull();
  });

  it('an entry added offline, then edited, is added once as edited', async () => {
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);
    await engine.addEntry({ date: DAY, startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: tasks().githubIssue, note: 'first try' });
    await queue.drain();
    const addId = (await queued())[0]!.id;

    await engine.reviseWaiting(addId, { date: DAY, startTime: '08:00:00', endTime: '08:45:00', durationSeconds: 2700, taskId: tasks().githubIssue, note: 'second try' });
    await h.env.sandbox.faults.offline(false);
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '08:00:00', end_time: '08:45:00', duration: 2700, description: 'second try' })]);
  });

  it('an added entry whose answer was lost is changed, not added again, by an edit made meanwhile', async () => {
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1, { afterApply: true });
    await engine.addEntry({ date: DAY, startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: tasks().githubIssue, note: 'landed' });
    await queue.settled();
    const addId = (await queued())[0]!.id;

    await engine.reviseWaiting(addId, { date: DAY, startTime: '08:00:00', endTime: '09:30:00', durationSeconds: 5400, taskId: tasks().githubIssue, note: 'landed, then edited' });
    h.advance(10_000);
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ end_time: '09:30:00', duration: 5400, description: 'landed, then edited' })]);
    expect(await queued()).toEqual([]);
  });

  it('an entry edited offline, then edited again while that version is on its way, ends as the last edit', async () => {
    // TimeCamp holds the add until the test lets its answer come back.
    const add = answerHeld((init) => init?.method === 'POST');
    const { engine, queue } = h.boot({ fetch: add.fetch });
    await h.env.sandbox.faults.offline(true);
    await engine.addEntry({ date: DAY, startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: tasks().githubIssue, note: 'first' });
    await queue.drain();
    const addId = (await queued())[0]!.id;
    await engine.reviseWaiting(addId, { date: DAY, startTime: '08:00:00', endTime: '08:45:00', durationSeconds: 2700, taskId: tasks().githubIssue, note: 'second' });

    await h.env.sandbox.faults.offline(false);
    h.advance(10_000);
    const sending = queue.drain();
    await vi.waitFor(() => expect(add.isHeld()).toBe(true));
    await engine.reviseWaiting(addId, { date: DAY, startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, taskId: tasks().githubIssue, note: 'third' });
    add.release();
    await sending;
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '08:00:00', end_time: '08:30:00', duration: 1800, description: 'third' })]);
    expect(await queued()).toEqual([]);
  });

  it('an entry that failed seven times, edited while the eighth try looks whether it landed, is added as edited, not held', async () => {
    // TimeCamp's list of the day, the first step of a try, waits until the test lets it through.
    let release = () => {};
    const listed = new Promise<void>((resolve) => (release = resolve));
    let gate = false;
    let held = false;
    const { engine, queue } = h.boot({
      fetch: async (input, init) => {
        if (gate && !held && (init?.method ?? 'GET') === 'GET' && String(input).includes('/entries')) {
          held = true;
          await listed;
        }
        return fetch(input, init);
      },
    });
    h.env.sandbox.faults.failNext(7, 500);
    await engine.addEntry({ date: DAY, startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: tasks().githubIssue, note: 'first' });
    await queue.settled();
    for (let attempt = 1; attempt < 7; attempt++) {
      h.advance(6 * MINUTE);
      await queue.drain();
    }
    const [waiting] = await queued();
    expect(waiting).toMatchObject({ attempts: 7, sent: true });

    gate = true;
    h.advance(6 * MINUTE);
    const sending = queue.drain();
    await vi.waitFor(() => expect(held).toBe(true));
    // The version picked for this try is no longer the user's: it is not sent, and its try is not counted against the edit.
    await engine.reviseWaiting(waiting!.id, { date: DAY, startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, taskId: tasks().githubIssue, note: 'second' });
    release();
    await sending;
    await queue.settled();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '08:00:00', end_time: '08:30:00', duration: 1800, description: 'second' })]);
    expect(await queued()).toEqual([]);
  });

  it('an entry added behind a refused one the user edited is added once, and the refused one stays held', async () => {
    const { engine, queue } = h.boot();
    await engine.addEntry({ date: DAY, startTime: '07:00:00', endTime: '07:30:00', durationSeconds: 1800, taskId: tasks().notTrackableLeaf, note: 'refused' });
    await queue.settled();
    const refusedId = (await queued())[0]!.id;
    await engine.reviseWaiting(refusedId, { date: DAY, startTime: '07:00:00', endTime: '07:20:00', durationSeconds: 1200, taskId: tasks().notTrackableLeaf, note: 'refused again' });
    await queue.drain();
    expect(await queued()).toEqual([expect.objectContaining({ id: refusedId, revision: 1, attention: expect.objectContaining({ kind: 'forbidden' }) })]);

    await engine.addEntry({ date: DAY, startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, taskId: tasks().githubIssue, note: 'behind it' });
    await queue.settled();
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '08:00:00', description: 'behind it' })]);
    expect(await queued()).toEqual([expect.objectContaining({ id: refusedId })]);
  });

  it('an entry deleted while it waited never reaches TimeCamp, nor stays there if it landed', async () => {
    const { engine, queue } = h.boot();
    h.env.sandbox.faults.dropNext(1, { afterApply: true });
    await engine.addEntry({ date: DAY, startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: tasks().githubIssue, note: 'oops' });
    await queue.settled();
    await engine.dropWaiting((await queued())[0]!.id);
    h.advance(10_000);
    await queue.drain();

    expect(h.newEntries()).toEqual([]);
    expect(await queued()).toEqual([]);
  });

  it('a timer started and stopped offline, then deleted, leaves nothing in TimeCamp', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);
    await engine.start({ taskId: tasks().githubIssue });
    h.advance(5 * MINUTE);
    await engine.stop();
    await queue.drain();

    await engine.dropWaiting((await queued()).find((action) => action.type === 'start')!.id);
    await h.env.sandbox.faults.offline(false);
    await queue.drain();

    expect(h.newEntries()).toEqual([]);
    expect(h.serverTimer()).toBeNull();
    expect(await queued()).toEqual([]);
  });

  it('a timer TimeCamp confirmed, stopped while it is away, is listed for a day fetched before it started', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().githubIssue, note: 'review' });
    await queue.settled();
    expect(h.serverTimer()).not.toBeNull();
    await h.env.sandbox.faults.offline(true);
    h.advance(30 * MINUTE);
    await engine.stop();
    await queue.drain();

    const offset = (await syncState.getValue())!;
    const accountTime = (at: number) => ({ date: accountDate(offset, at), dateTime: accountDateTime(offset, at) });
    const listed = unlistedStops(await actionQueue.getValue(), (await queued())[0]!.account, new Set(), DAY, accountTime);
    expect(listed).toEqual([
      expect.objectContaining({ taskId: tasks().githubIssue, note: 'review', startTime: `${DAY} 10:00:00`, endTime: `${DAY} 10:30:00`, durationSeconds: 1800 }),
    ]);
    // TimeCamp's own entry, so it is edited by its id.
    const entryId = listed[0]!.id;
    expect(h.newEntries().map((entry) => entry.id)).toEqual([entryId]);
    // Once the day TimeCamp sends lists it, it is shown from there alone.
    expect(unlistedStops(await actionQueue.getValue(), (await queued())[0]!.account, new Set([entryId]), DAY, accountTime)).toEqual([]);
  });
});
