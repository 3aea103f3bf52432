import { describe, expect, it } from 'vitest';
import { pendingStops, unlistedStops, waitingEntries, type AccountTime } from '@/lib/entries/waiting';
import { EMPTY_QUEUE, type ActionQueue, type QueuedAction } from '@/lib/storage/queue';

// What Today lists as waiting, read straight from a queue the engine could have
// stored: entries added while TimeCamp was away, timers started and stopped
// while it was away, and stopped timers the day TimeCamp sent does not list yet.

const ME = 'https://app.timecamp.com|1';
const OTHER = 'https://app.timecamp.com|2';
const DAY = '2026-11-27';
const MIN = 60_000;
/** 2026-11-27 09:00 in the account's zone, which here is UTC. */
const NINE = Date.UTC(2026, 10, 27, 9, 0, 0);

const accountTime: AccountTime = (at) => {
  const iso = new Date(at).toISOString();
  return { date: iso.slice(0, 10), dateTime: `${iso.slice(0, 10)} ${iso.slice(11, 19)}` };
};

const queueOf = (actions: QueuedAction[], started: ActionQueue['started'] = {}): ActionQueue => ({ ...EMPTY_QUEUE, actions, started });

const added = (id: string, fields: Partial<Extract<QueuedAction, { type: 'add-entry' }>['entry']> = {}, extra: Partial<QueuedAction> = {}): QueuedAction =>
  ({
    type: 'add-entry',
    id,
    at: NINE,
    account: ME,
    entry: { date: DAY, startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: 7, note: 'added', billable: true, ...fields },
    ...extra,
  }) as QueuedAction;

const start = (id: string, at: number, taskId = 7, account = ME): QueuedAction => ({ type: 'start', id, at, account, taskId });
const stop = (id: string, startId: string, at: number, account = ME): QueuedAction => ({ type: 'stop', id, at, account, timer: { startId } });
const edit = (id: string, startId: string, at: number, fields: { taskId?: number; note?: string; billable?: boolean }): QueuedAction => ({
  type: 'edit-running',
  id,
  at,
  account: ME,
  timer: { startId },
  ...fields,
});

describe('waitingEntries: what Today lists as waiting to be sent', () => {
  it('lists nothing without a queue', () => {
    expect(waitingEntries(undefined, ME, DAY, accountTime)).toEqual([]);
  });

  it('lists an entry added while TimeCamp was away, with its task, note and billing, under a negative id', () => {
    expect(waitingEntries(queueOf([added('a1')]), ME, DAY, accountTime)).toEqual([
      {
        actionId: 'a1',
        entry: {
          id: -1,
          durationSeconds: 3600,
          userId: 0,
          userName: '',
          taskId: 7,
          taskName: '',
          date: DAY,
          startTime: '08:00:00',
          endTime: '09:00:00',
          note: 'added',
          billable: true,
          invoiceId: null,
          locked: false,
          addonsExternalId: null,
          modifiedAt: null,
          color: null,
        },
      },
    ]);
  });

  it('shows an added entry without task, note or billing as such', () => {
    const [waiting] = waitingEntries(queueOf([added('a1', { taskId: undefined, note: undefined, billable: undefined })]), ME, DAY, accountTime);
    expect(waiting!.entry).toMatchObject({ taskId: null, note: '', billable: false });
  });

  it('leaves out entries of another day, of another account, and ones deleted while they waited', () => {
    const queue = queueOf([
      added('other-day', { date: '2026-11-26' }),
      added('other-account', {}, { account: OTHER }),
      added('withdrawn', {}, { withdrawn: true } as Partial<QueuedAction>),
      added('kept'),
    ]);
    expect(waitingEntries(queue, ME, DAY, accountTime).map((waiting) => [waiting.actionId, waiting.entry.id])).toEqual([['kept', -1]]);
  });

  it('lists a timer started and stopped while TimeCamp was away as the entry it became, its task, note and billing as last changed before the stop', () => {
    const queue = queueOf([
      start('s1', NINE, 7),
      edit('e1', 's1', NINE + 1 * MIN, { note: 'first', billable: true }),
      edit('e2', 's1', NINE + 2 * MIN, { taskId: 8, note: 'second' }),
      stop('x1', 's1', NINE + 25 * MIN + 400),
      // After the stop: belongs to no timer on screen.
      edit('e3', 's1', NINE + 30 * MIN, { taskId: 9, note: 'too late', billable: false }),
    ]);
    expect(waitingEntries(queue, ME, DAY, accountTime)).toEqual([
      {
        actionId: 's1',
        entry: expect.objectContaining({
          id: -1,
          date: DAY,
          startTime: '2026-11-27 09:00:00',
          endTime: '2026-11-27 09:25:00',
          durationSeconds: 1500,
          taskId: 8,
          note: 'second',
          billable: true,
        }),
      },
    ]);
  });

  it('takes an edit made at the very moment of the stop', () => {
    const queue = queueOf([start('s1', NINE), stop('x1', 's1', NINE + 10 * MIN), edit('e1', 's1', NINE + 10 * MIN, { note: 'at the stop' })]);
    expect(waitingEntries(queue, ME, DAY, accountTime)[0]!.entry.note).toBe('at the stop');
  });

  it('keeps what an edit leaves out as the edits before it set it', () => {
    const queue = queueOf([
      start('s1', NINE, 7),
      edit('e1', 's1', NINE + MIN, { billable: true }),
      edit('e2', 's1', NINE + 2 * MIN, { note: 'login bug' }),
      edit('e3', 's1', NINE + 3 * MIN, { taskId: 9 }),
      edit('e4', 's1', NINE + 4 * MIN, { billable: true }),
      stop('x1', 's1', NINE + 10 * MIN),
    ]);
    expect(waitingEntries(queue, ME, DAY, accountTime)[0]!.entry).toMatchObject({ taskId: 9, note: 'login bug', billable: true });
  });

  it('takes only the edits of that timer', () => {
    const queue = queueOf([start('s1', NINE, 7), start('s2', NINE + 20 * MIN, 5), edit('e2', 's2', NINE + 21 * MIN, { taskId: 8, note: 'other' }), stop('x1', 's1', NINE + 10 * MIN)]);
    expect(waitingEntries(queue, ME, DAY, accountTime)[0]!.entry).toMatchObject({ taskId: 7, note: '', billable: false });
  });

  it('takes no edit of an earlier timer, though it was made before this one stopped', () => {
    const queue = queueOf([start('s0', NINE - 30 * MIN, 5), edit('e0', 's0', NINE - 20 * MIN, { taskId: 8, note: 'earlier' }), stop('x0', 's0', NINE - 10 * MIN), start('s1', NINE, 7), stop('x1', 's1', NINE + 10 * MIN)]);
    expect(waitingEntries(queue, ME, DAY, accountTime).map(({ entry }) => [entry.taskId, entry.note])).toEqual([
      [8, 'earlier'],
      [7, ''],
    ]);
  });

  it('rounds the duration to whole seconds', () => {
    const queue = queueOf([start('s1', NINE), stop('x1', 's1', NINE + 1600)]);
    expect(waitingEntries(queue, ME, DAY, accountTime)[0]!.entry.durationSeconds).toBe(2);
  });

  it('never shows a negative duration for a stop whose clock was behind', () => {
    const queue = queueOf([start('s1', NINE), stop('x1', 's1', NINE - 5000)]);
    expect(waitingEntries(queue, ME, DAY, accountTime)[0]!.entry.durationSeconds).toBe(0);
  });

  it('does not list a timer still running, one discarded, one of another day or of another account', () => {
    const queue = queueOf([
      start('running', NINE),
      start('discarded', NINE),
      { type: 'discard', id: 'd', at: NINE + MIN, account: ME, timer: { startId: 'discarded' } },
      start('yesterday', NINE - 24 * 60 * MIN),
      stop('x-yesterday', 'yesterday', NINE - 23 * 60 * MIN),
      start('theirs', NINE, 7, OTHER),
      stop('x-theirs', 'theirs', NINE + MIN, OTHER),
    ]);
    expect(waitingEntries(queue, ME, DAY, accountTime)).toEqual([]);
  });

  it('numbers what it lists -1, -2, … in queue order', () => {
    const queue = queueOf([added('a1'), start('s1', NINE), stop('x1', 's1', NINE + MIN), added('a2')]);
    expect(waitingEntries(queue, ME, DAY, accountTime).map((waiting) => [waiting.actionId, waiting.entry.id])).toEqual([
      ['a1', -1],
      ['s1', -2],
      ['a2', -3],
    ]);
  });
});

describe('unlistedStops: stopped timers the day TimeCamp sent does not list yet', () => {
  const ended = { startedAt: NINE, taskId: 7, note: 'ended', billable: true };
  const stopOf = (id: string, timer: Extract<QueuedAction, { type: 'stop' }>['timer'], at: number, extra: Partial<QueuedAction> = {}): QueuedAction =>
    ({ type: 'stop', id, at, account: ME, timer, ended, ...extra }) as QueuedAction;

  it('lists nothing without a queue', () => {
    expect(unlistedStops(undefined, ME, new Set(), DAY, accountTime)).toEqual([]);
  });

  it('lists a stopped TimeCamp timer under its entry id, as the stop saw it', () => {
    const queue = queueOf([stopOf('x1', { timerId: 3, entryId: 300 }, NINE + 30 * MIN + 600)]);
    expect(unlistedStops(queue, ME, new Set(), DAY, accountTime)).toEqual([
      expect.objectContaining({
        id: 300,
        date: DAY,
        startTime: '2026-11-27 09:00:00',
        endTime: '2026-11-27 09:30:00',
        durationSeconds: 1801,
        taskId: 7,
        note: 'ended',
        billable: true,
      }),
    ]);
  });

  it('finds the entry of a timer this browser started from what TimeCamp answered to its start', () => {
    const queue = queueOf([stopOf('x1', { startId: 's1' }, NINE + MIN)], { s1: { timerId: 3, entryId: 301 } });
    expect(unlistedStops(queue, ME, new Set(), DAY, accountTime).map((entry) => entry.id)).toEqual([301]);
  });

  it('leaves out a stop whose entry is unknown, already listed, of another day, of another account, or that knows no timer', () => {
    const queue = queueOf(
      [
        stopOf('unanswered', { startId: 's1' }, NINE + MIN),
        stopOf('no-entry', { timerId: 4, entryId: null }, NINE + MIN),
        stopOf('listed', { timerId: 5, entryId: 500 }, NINE + MIN),
        stopOf('yesterday', { timerId: 6, entryId: 600 }, NINE + MIN, { ended: { ...ended, startedAt: NINE - 24 * 60 * MIN } } as Partial<QueuedAction>),
        stopOf('theirs', { timerId: 7, entryId: 700 }, NINE + MIN, { account: OTHER }),
        { type: 'stop', id: 'bare', at: NINE + MIN, account: ME, timer: { timerId: 8, entryId: 800 } },
        { type: 'discard', id: 'discard', at: NINE + MIN, account: ME, timer: { timerId: 9, entryId: 900 } },
      ],
      { s2: { timerId: 1, entryId: 100 } },
    );
    expect(unlistedStops(queue, ME, new Set([500]), DAY, accountTime)).toEqual([]);
  });

  it('shows a stopped timer without a task as such, and never with a negative duration', () => {
    const queue = queueOf([stopOf('x1', { timerId: 3, entryId: 300 }, NINE - 5000, { ended: { ...ended, taskId: null } } as Partial<QueuedAction>)]);
    expect(unlistedStops(queue, ME, new Set(), DAY, accountTime)[0]).toMatchObject({ taskId: null, durationSeconds: 0 });
  });

  it('shows the edits queued after the stop, and drops one deleted since', () => {
    const queue = queueOf([
      stopOf('x1', { timerId: 3, entryId: 300 }, NINE + 30 * MIN),
      stopOf('x2', { timerId: 4, entryId: 400 }, NINE + 40 * MIN),
      { type: 'edit-entry', id: 'e1', at: NINE + 41 * MIN, account: ME, entryId: 300, changes: { note: 'renamed' } },
      { type: 'edit-entry', id: 'e2', at: NINE + 42 * MIN, account: ME, entryId: 999, changes: { note: 'someone else' } },
      { type: 'delete-entry', id: 'd1', at: NINE + 43 * MIN, account: ME, entryId: 400 },
      { type: 'delete-entry', id: 'd2', at: NINE + 43 * MIN, account: ME, entryId: 998 },
    ]);
    expect(unlistedStops(queue, ME, new Set(), DAY, accountTime).map((entry) => [entry.id, entry.note])).toEqual([[300, 'renamed']]);
  });

  it('does not bring back an entry deleted and then edited', () => {
    const queue = queueOf([
      stopOf('x1', { timerId: 3, entryId: 300 }, NINE + 30 * MIN),
      { type: 'delete-entry', id: 'd1', at: NINE + 41 * MIN, account: ME, entryId: 300 },
      { type: 'edit-entry', id: 'e1', at: NINE + 42 * MIN, account: ME, entryId: 300, changes: { note: 'renamed' } },
    ]);
    expect(unlistedStops(queue, ME, new Set(), DAY, accountTime)).toEqual([]);
  });
});

describe('pendingStops: running entries whose stop waits', () => {
  it('is empty without a queue', () => {
    expect(pendingStops(undefined, ME)).toEqual(new Map());
  });

  it('gives each waiting stop of the account by entry id, at the moment of the stop', () => {
    const queue = queueOf(
      [
        { type: 'stop', id: 'x1', at: NINE, account: ME, timer: { timerId: 3, entryId: 300 } },
        { type: 'stop', id: 'x2', at: NINE + MIN, account: ME, timer: { startId: 's1' } },
        { type: 'stop', id: 'x3', at: NINE + 2 * MIN, account: ME, timer: { startId: 'unanswered' } },
        { type: 'stop', id: 'x4', at: NINE + 3 * MIN, account: OTHER, timer: { timerId: 4, entryId: 400 } },
        { type: 'discard', id: 'd1', at: NINE + 4 * MIN, account: ME, timer: { timerId: 5, entryId: 500 } },
      ],
      { s1: { timerId: 6, entryId: 600 } },
    );
    expect(pendingStops(queue, ME)).toEqual(
      new Map([
        [300, NINE],
        [600, NINE + MIN],
      ]),
    );
  });
});
