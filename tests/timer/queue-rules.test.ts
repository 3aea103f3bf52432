import { describe, expect, it } from 'vitest';
import { EMPTY_QUEUE, type ActionQueue, type Attention, type QueuedAction } from '@/lib/storage/queue';
import { hasSendable, heldActions, heldStartAsEntry, isRefusedStart, nextSendable, readStoredQueue, removeActions, timerChangeHeld, withDependents } from '@/lib/timer/queue-rules';

const ME = 'https://app.timecamp.com/third_party/api#1001';
const OTHER = 'https://app.timecamp.com/third_party/api#1002';
const refused: Attention = { kind: 'forbidden', message: 'You cannot track time to this task', heldAt: 5 };
const failing: Attention = { kind: 'server', message: 'TimeCamp had a server error (503)', heldAt: 5 };

let n = 0;
/** An action as the engine queues it; tests give only what matters to them. */
const act = (fields: { type: QueuedAction['type'] } & Record<string, unknown>): QueuedAction =>
  ({ id: `a${++n}`, at: n * 60_000, account: ME, ...fields }) as unknown as QueuedAction;
const queueOf = (...actions: QueuedAction[]): ActionQueue => ({ ...EMPTY_QUEUE, actions });
const start = (id: string, extra: Record<string, unknown> = {}) => act({ type: 'start', taskId: 7, id, ...extra });

describe('which queued action goes next', () => {
  it('sends in the order the user acted', () => {
    const first = start('s1');
    expect(nextSendable(queueOf(first, act({ type: 'stop', timer: { startId: 's1' } })), ME)).toBe(first);
  });

  it("never sends another account's action, nor anything when all are held", () => {
    expect(nextSendable(queueOf(start('s1', { account: OTHER })), ME)).toBeNull();
    expect(nextSendable(queueOf(start('s1', { attention: refused })), ME)).toBeNull();
    expect(hasSendable(queueOf(start('s1', { attention: refused })), ME)).toBe(false);
  });

  it("holds a refused start's stop and note, and lets the rest go on", () => {
    const stop = act({ type: 'stop', timer: { startId: 's1' } });
    const note = act({ type: 'edit-running', timer: { startId: 's1' }, note: 'n' });
    const entry = act({ type: 'add-entry', entry: { date: '2026-11-27', startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600 } });
    const next = start('s2');
    expect(nextSendable(queueOf(start('s1', { attention: refused }), note, stop, entry, next), ME)).toBe(entry);
    expect(nextSendable(queueOf(start('s1', { attention: refused }), stop, next), ME)).toBe(next);
  });

  it('holds later timer actions behind a held stop, and behind a start that may have landed', () => {
    const heldStop = act({ type: 'stop', timer: { timerId: 1, entryId: 2 }, attention: refused });
    const later = start('s2');
    const entry = act({ type: 'delete-entry', entryId: 9 });
    expect(nextSendable(queueOf(heldStop, later, entry), ME)).toBe(entry);
    expect(nextSendable(queueOf(start('s1', { attention: failing }), later), ME)).toBeNull();
    expect(nextSendable(queueOf(start('s1', { attention: { ...refused, mayHaveLanded: true } }), later), ME)).toBeNull();
  });

  it('holds a later edit of the same entry or timer behind a held one, not edits of others', () => {
    const held = act({ type: 'edit-entry', entryId: 9, changes: { note: 'a' }, attention: refused });
    const same = act({ type: 'delete-entry', entryId: 9 });
    const other = act({ type: 'edit-entry', entryId: 10, changes: { note: 'b' } });
    expect(nextSendable(queueOf(held, same, other), ME)).toBe(other);
    const heldNote = act({ type: 'edit-running', timer: { timerId: 1, entryId: 2 }, note: 'x', attention: refused });
    const nextNote = act({ type: 'edit-running', timer: { timerId: 1, entryId: 2 }, note: 'y' });
    const stop = act({ type: 'stop', timer: { timerId: 1, entryId: 2 } });
    expect(nextSendable(queueOf(heldNote, nextNote, stop), ME)).toBe(stop);
  });

  it("lets an edit of another timer go on past a held edit of one", () => {
    // Two timers this browser started, and two TimeCamp reported: each is its own thing to edit.
    const heldStarted = act({ type: 'edit-running', timer: { startId: 's1' }, note: 'x', attention: refused });
    const otherStarted = act({ type: 'edit-running', timer: { startId: 's2' }, note: 'y' });
    expect(nextSendable(queueOf(heldStarted, otherStarted), ME)).toBe(otherStarted);
    const heldReported = act({ type: 'edit-running', timer: { timerId: 1, entryId: 2 }, note: 'x', attention: refused });
    const otherReported = act({ type: 'edit-running', timer: { timerId: 3, entryId: 4 }, note: 'y' });
    expect(nextSendable(queueOf(heldReported, otherReported), ME)).toBe(otherReported);
  });

  it('holds an edit of a running timer behind a held stop, as any timer action', () => {
    // TimeCamp may still run the stopped timer: the edit would not reach the timer the user sees.
    const heldStop = act({ type: 'stop', timer: { timerId: 1, entryId: 2 }, attention: refused });
    const edit = act({ type: 'edit-running', timer: { timerId: 3, entryId: 4 }, note: 'y' });
    expect(nextSendable(queueOf(heldStop, edit), ME)).toBeNull();
  });

  it("does not hold this account's timer actions behind another account's held stop", () => {
    const theirs = act({ type: 'stop', timer: { timerId: 1, entryId: 2 }, attention: refused, account: OTHER });
    const mine = start('s2');
    expect(nextSendable(queueOf(theirs, mine), ME)).toBe(mine);
  });

  it('tells a refused start from one that failed on the way or may have landed', () => {
    expect(isRefusedStart(start('s1', { attention: refused }))).toBe(true);
    expect(isRefusedStart(start('s1', { attention: failing }))).toBe(false);
    expect(isRefusedStart(start('s1', { attention: { ...refused, mayHaveLanded: true } }))).toBe(false);
    expect(isRefusedStart(act({ type: 'stop', timer: { startId: 's1' }, attention: refused }))).toBe(false);
    expect(isRefusedStart(start('s1'))).toBe(false);
  });

  it('keeps the timer on screen while a start, stop or discard is held, not for a held note or entry', () => {
    expect(timerChangeHeld(queueOf(act({ type: 'discard', timer: { startId: 's1' }, attention: refused })), ME)).toBe(true);
    expect(timerChangeHeld(queueOf(act({ type: 'edit-running', timer: { startId: 's1' }, note: 'n', attention: refused })), ME)).toBe(false);
    expect(timerChangeHeld(queueOf(start('s1', { attention: refused, account: OTHER })), ME)).toBe(false);
    // A start still on its way is TimeCamp's to confirm, not the user's to decide.
    expect(timerChangeHeld(queueOf(start('s1')), ME)).toBe(false);
  });
});

describe('discarding and retrying held actions', () => {
  it('discards a start with what depends on it, and forgets answers nothing refers to', () => {
    const queue: ActionQueue = {
      ...queueOf(start('s1'), act({ type: 'edit-running', id: 'e1', timer: { startId: 's1' }, note: 'n' }), start('s2'), act({ type: 'stop', id: 't2', timer: { startId: 's2' } })),
      started: { s1: { timerId: 1, entryId: 2 }, s2: { timerId: 3, entryId: 4 } },
    };
    expect([...withDependents(queue.actions, 's1')]).toEqual(['s1', 'e1']);
    const left = removeActions(queue, withDependents(queue.actions, 's1'));
    expect(left.actions.map((a) => a.id)).toEqual(['s2', 't2']);
    expect(left.started).toEqual({ s2: { timerId: 3, entryId: 4 } });
  });

  it('lists held actions of this account only', () => {
    const mine = start('s1', { attention: refused });
    expect(heldActions(queueOf(mine, start('s2', { attention: refused, account: OTHER }), start('s3')), ME)).toEqual([mine]);
  });

  it('turns a refused start whose timer ended into the entry it became, with its last note, task and billing', () => {
    const queue = queueOf(
      start('s1', { at: 1_000, attention: refused }),
      act({ type: 'edit-running', at: 2_000, timer: { startId: 's1' }, note: 'first' }),
      act({ type: 'edit-running', at: 3_000, timer: { startId: 's1' }, note: 'second', taskId: 8, billable: true }),
      act({ type: 'stop', at: 61_000, timer: { startId: 's1' } }),
      act({ type: 'edit-running', at: 70_000, timer: { startId: 's1' }, note: 'after the stop' }),
      start('s2'),
    );
    const two = (value: number) => String(value).padStart(2, '0');
    const at = (ms: number) => ({ date: '2026-11-27', dateTime: `2026-11-27 10:${two(Math.floor(ms / 60_000))}:${two((ms / 1000) % 60)}` });

    const reshaped = heldStartAsEntry(queue, 's1', at);

    expect(reshaped.actions.map((a) => a.type)).toEqual(['add-entry', 'start']);
    expect(reshaped.actions[0]).toMatchObject({
      id: 's1:entry',
      account: ME,
      entry: { date: '2026-11-27', startTime: '2026-11-27 10:00:01', endTime: '2026-11-27 10:01:01', durationSeconds: 60, taskId: 8, note: 'second', billable: true },
    });
  });

  it("makes the entry of the refused start asked for, past what was queued before it, of that timer's changes only", () => {
    const at = (ms: number) => ({ date: '2026-11-27', dateTime: `2026-11-27 @${ms}` });
    const queue = queueOf(
      act({ type: 'add-entry', at: 500, entry: { date: '2026-11-27', startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600 } }),
      // An earlier refused start, with its note, ended by the start of the one retried.
      start('s0', { at: 600, taskId: 5, attention: refused }),
      act({ type: 'edit-running', at: 600, timer: { startId: 's0' }, note: 'the other timer' }),
      act({ type: 'stop', at: 1_000, timer: { startId: 's0' } }),
      start('s1', { at: 1_000, attention: refused }),
      act({ type: 'stop', at: 61_000, timer: { startId: 's1' } }),
    );

    const reshaped = heldStartAsEntry(queue, 's1', at);

    expect(reshaped.actions.map((a) => a.id)).toEqual([...queue.actions.slice(0, 4).map((a) => a.id), 's1:entry']);
    expect(reshaped.actions[4]).toMatchObject({ type: 'add-entry', entry: { startTime: '2026-11-27 @1000', endTime: '2026-11-27 @61000', durationSeconds: 60, taskId: 7, note: '' } });
  });

  it('keeps the note of a change that a later billing-only change follows, and the billing of one a later note-only change follows', () => {
    const none = () => ({ date: '', dateTime: '' });
    const billingLater = queueOf(
      start('s1', { at: 1_000, attention: refused }),
      act({ type: 'edit-running', at: 2_000, timer: { startId: 's1' }, note: 'kept', billable: true }),
      act({ type: 'edit-running', at: 3_000, timer: { startId: 's1' }, billable: false }),
      act({ type: 'stop', at: 5_000, timer: { startId: 's1' } }),
    );
    expect(heldStartAsEntry(billingLater, 's1', none).actions[0]).toMatchObject({ entry: { note: 'kept', billable: false } });
    const noteLater = queueOf(
      start('s1', { at: 1_000, attention: refused }),
      act({ type: 'edit-running', at: 2_000, timer: { startId: 's1' }, note: 'first', billable: true }),
      act({ type: 'edit-running', at: 3_000, timer: { startId: 's1' }, note: 'last' }),
      act({ type: 'stop', at: 5_000, timer: { startId: 's1' } }),
    );
    expect(heldStartAsEntry(noteLater, 's1', none).actions[0]).toMatchObject({ entry: { note: 'last', billable: true } });
  });

  it('keeps the note of a timer stopped in the same millisecond it started', () => {
    // The engine queues a start's note at the start's moment; a stop can carry that moment too.
    const queue = queueOf(
      start('s1', { at: 1_000, attention: refused }),
      act({ type: 'edit-running', at: 1_000, timer: { startId: 's1' }, note: 'n' }),
      act({ type: 'stop', at: 1_000, timer: { startId: 's1' } }),
    );
    expect(heldStartAsEntry(queue, 's1', () => ({ date: '', dateTime: '' })).actions).toEqual([
      expect.objectContaining({ type: 'add-entry', entry: expect.objectContaining({ durationSeconds: 0, note: 'n' }) }),
    ]);
  });

  it('leaves nothing to send of a refused start that was discarded, and leaves a start still running as it is', () => {
    const discarded = queueOf(start('s1', { attention: refused }), act({ type: 'discard', timer: { startId: 's1' } }), start('s2'));
    expect(heldStartAsEntry(discarded, 's1', () => ({ date: '', dateTime: '' })).actions.map((a) => a.id)).toEqual(['s2']);
    const running = queueOf(start('s1', { attention: refused }));
    expect(heldStartAsEntry(running, 's1', () => ({ date: '', dateTime: '' }))).toBe(running);
  });
});

describe('a queue stored by an earlier version', () => {
  it('gets the fields added since, and its actions the account signed in now', () => {
    const stored = { actions: [{ id: 'x', at: 1, type: 'delete-entry', entryId: 9 }], started: {}, failures: 2 };
    expect(readStoredQueue(stored as never, ME)).toEqual({ ...EMPTY_QUEUE, failures: 2, actions: [{ id: 'x', at: 1, type: 'delete-entry', entryId: 9, account: ME }] });
    expect(readStoredQueue(undefined, ME)).toEqual(EMPTY_QUEUE);
  });

  it("splits a start that carried its note and billing into the start and its follow-up", () => {
    const stored = { actions: [{ id: 's', at: 1, type: 'start', taskId: 7, note: 'n', billable: false, sent: true }], started: {}, failures: 0 };
    expect(readStoredQueue(stored as never, ME).actions).toEqual([
      { id: 's', at: 1, type: 'start', taskId: 7, sent: true, account: ME },
      { id: 's:details', at: 1, type: 'edit-running', account: ME, timer: { startId: 's' }, note: 'n', billable: false },
    ]);
    const bare = { actions: [{ id: 's', at: 1, type: 'start', taskId: 7, note: '' }], started: {}, failures: 0 };
    expect(readStoredQueue(bare as never, ME).actions).toEqual([{ id: 's', at: 1, type: 'start', taskId: 7, account: ME }]);
  });

  it('keeps a stored start\'s note without billing, and its billing without a note', () => {
    const noteOnly = { actions: [{ id: 's', at: 1, type: 'start', taskId: 7, note: 'n' }], started: {}, failures: 0 };
    expect(readStoredQueue(noteOnly as never, ME).actions).toEqual([
      { id: 's', at: 1, type: 'start', taskId: 7, account: ME },
      { id: 's:details', at: 1, type: 'edit-running', account: ME, timer: { startId: 's' }, note: 'n', billable: undefined },
    ]);
    const billingOnly = { actions: [{ id: 's', at: 1, type: 'start', taskId: 7, billable: true }], started: {}, failures: 0 };
    expect(readStoredQueue(billingOnly as never, ME).actions).toEqual([
      { id: 's', at: 1, type: 'start', taskId: 7, account: ME },
      { id: 's:details', at: 1, type: 'edit-running', account: ME, timer: { startId: 's' }, note: undefined, billable: true },
    ]);
    // An empty note beside the billing: the billing still follows.
    const emptyNote = { actions: [{ id: 's', at: 1, type: 'start', taskId: 7, note: '', billable: false }], started: {}, failures: 0 };
    expect(readStoredQueue(emptyNote as never, ME).actions[1]).toMatchObject({ type: 'edit-running', billable: false });
  });
});
