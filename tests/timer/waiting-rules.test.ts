import { describe, expect, it } from 'vitest';
import { EMPTY_QUEUE, type ActionQueue, type QueuedAction } from '@/lib/storage/queue';
import { dropWaitingEntry, reviseWaitingEntry, stoppedStart, type WaitingEntryFields } from '@/lib/timer/waiting-rules';

// Editing or deleting an entry that waits to be sent changes the queued action
// itself: what TimeCamp eventually receives is what the user last saw.

const ME = 'https://app.timecamp.com|1';
const NINE = Date.UTC(2026, 10, 27, 9, 0, 0);
const MIN = 60_000;
const accountTime = (at: number) => new Date(at).toISOString().slice(0, 19).replace('T', ' ');

const queueOf = (actions: QueuedAction[], started: ActionQueue['started'] = {}): ActionQueue => ({ ...EMPTY_QUEUE, actions, started, revision: 4 });
const fields = (note: string): WaitingEntryFields => ({ date: '2026-11-27', startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: 7, note });
type AddEntry = Extract<QueuedAction, { type: 'add-entry' }>;
const add = (id: string, extra: Partial<AddEntry> = {}): AddEntry => ({ type: 'add-entry', id, at: NINE, account: ME, entry: fields(`note of ${id}`), ...extra });
const start = (id: string, extra: Partial<QueuedAction> = {}): QueuedAction => ({ type: 'start', id, at: NINE, account: ME, taskId: 7, ...extra }) as QueuedAction;
const stop = (id: string, startId: string, at = NINE + 30 * MIN): QueuedAction => ({ type: 'stop', id, at, account: ME, timer: { startId } });
const note = (id: string, startId: string): QueuedAction => ({ type: 'edit-running', id, at: NINE + MIN, account: ME, timer: { startId }, note: 'n' });
const held = { kind: 'forbidden' as const, message: 'No', heldAt: NINE };

describe('stoppedStart', () => {
  it('finds a start whose stop is queued', () => {
    const queue = queueOf([start('other'), start('s1'), note('n1', 's1'), stop('x1', 's1')]);
    expect(stoppedStart(queue, 's1')).toEqual({ start: queue.actions[1], end: queue.actions[3] });
  });

  it('is null for a start still running, one discarded, an unknown id, or an action that is not a start', () => {
    const queue = queueOf([
      start('running'),
      start('discarded'),
      { type: 'discard', id: 'd1', at: NINE + MIN, account: ME, timer: { startId: 'discarded' } },
      stop('x1', 'discarded', NINE + 2 * MIN),
      add('a1'),
      start('s2'),
      stop('x2', 's2'),
    ]);
    expect(stoppedStart(queue, 'running')).toBeNull();
    expect(stoppedStart(queue, 'discarded')).toBeNull();
    expect(stoppedStart(queue, 'missing')).toBeNull();
    expect(stoppedStart(queue, 'a1')).toBeNull();
    expect(stoppedStart(queue, 'x2')).toBeNull();
  });
});

describe('reviseWaitingEntry', () => {
  it('changes a queued added entry in place, counting the revision, and leaves the others alone', () => {
    const queue = queueOf([add('a0'), add('a1', { revision: 2, attempts: 3, attention: held }), add('a2')]);
    const revised = reviseWaitingEntry(queue, 'a1', fields('changed'), accountTime)!;
    expect(revised.actions).toEqual([queue.actions[0], { ...add('a1'), entry: fields('changed'), revision: 3, attempts: 0, attention: undefined }, queue.actions[2]]);
    expect(revised.revision).toBe(4);
  });

  it('counts the first revision as 1 and keeps no earlier version of an entry never sent', () => {
    const revised = reviseWaitingEntry(queueOf([add('a1')]), 'a1', fields('changed'), accountTime)!;
    expect(revised.actions[0]).toMatchObject({ revision: 1 });
    expect(revised.actions[0]).not.toHaveProperty('earlier');
  });

  it('remembers every version that went out, so a replay changes it instead of adding it twice', () => {
    const once = reviseWaitingEntry(queueOf([add('a1', { sent: true })]), 'a1', fields('second'), accountTime)!;
    const twice = reviseWaitingEntry(once, 'a1', fields('third'), accountTime)!;
    expect(twice.actions[0]).toMatchObject({ entry: fields('third'), earlier: [fields('note of a1'), fields('second')], revision: 2 });
  });

  it('does not revive an entry deleted while it waited', () => {
    expect(reviseWaitingEntry(queueOf([add('a1', { withdrawn: true })]), 'a1', fields('x'), accountTime)).toBeNull();
  });

  it('is null when nothing waits under that id', () => {
    const queue = queueOf([add('a1'), start('running')]);
    expect(reviseWaitingEntry(queue, 'missing', fields('x'), accountTime)).toBeNull();
    expect(reviseWaitingEntry(queue, 'running', fields('x'), accountTime)).toBeNull();
  });

  it('turns a timer started and stopped here, never sent, into one added entry in its place', () => {
    const queue = queueOf([add('before'), start('s1'), note('n1', 's1'), start('s2'), stop('x1', 's1'), add('after')]);
    const revised = reviseWaitingEntry(queue, 's1', fields('as an entry'), accountTime)!;
    expect(revised.actions).toEqual([
      queue.actions[0],
      { type: 'add-entry', id: 's1:entry', at: NINE, account: ME, entry: fields('as an entry') },
      queue.actions[3],
      queue.actions[5],
    ]);
  });

  it('asks for a sent start to be looked for and thrown away, at the start time it was sent with and the one the click makes', () => {
    const queue = queueOf([start('s1', { sent: true, sentStartedAt: '2026-11-27 10:00:00' }), stop('x1', 's1')], { s1: { timerId: 3, entryId: 30 } });
    const revised = reviseWaitingEntry(queue, 's1', fields('as an entry'), accountTime)!;
    expect(revised.actions).toEqual([
      {
        type: 'add-entry',
        id: 's1:entry',
        at: NINE,
        account: ME,
        entry: fields('as an entry'),
        replacesStart: { taskId: 7, startedAt: ['2026-11-27 09:00:00', '2026-11-27 10:00:00'] },
      },
    ]);
    expect(revised.started).toEqual({});
  });

  it('a sent start with no other start time is looked for at the click', () => {
    const revised = reviseWaitingEntry(queueOf([start('s1', { sent: true }), stop('x1', 's1')]), 's1', fields('x'), accountTime)!;
    expect(revised.actions[0]).toMatchObject({ replacesStart: { taskId: 7, startedAt: ['2026-11-27 09:00:00'] } });
  });
});

describe('dropWaitingEntry', () => {
  it('removes an added entry never sent, and nothing else', () => {
    const queue = queueOf([add('a0'), add('a1'), add('a2')]);
    expect(dropWaitingEntry(queue, 'a1')!.actions.map((action) => action.id)).toEqual(['a0', 'a2']);
  });

  it('keeps a sent added entry, withdrawn, so what landed is deleted; it is tried again at once', () => {
    const queue = queueOf([add('a0'), add('a1', { sent: true, revision: 1, attempts: 5, attention: held }), add('a2')]);
    const dropped = dropWaitingEntry(queue, 'a1')!;
    expect(dropped.actions).toEqual([queue.actions[0], { ...add('a1', { sent: true }), withdrawn: true, revision: 2, attempts: 0, attention: undefined }, queue.actions[2]]);
  });

  it('counts a first withdrawal as revision 1', () => {
    expect(dropWaitingEntry(queueOf([add('a1', { sent: true })]), 'a1')!.actions[0]).toMatchObject({ withdrawn: true, revision: 1 });
  });

  it('is null for an entry already withdrawn, an unknown id, or a timer still running', () => {
    const queue = queueOf([add('a1', { sent: true, withdrawn: true }), start('running')]);
    expect(dropWaitingEntry(queue, 'a1')).toBeNull();
    expect(dropWaitingEntry(queue, 'missing')).toBeNull();
    expect(dropWaitingEntry(queue, 'running')).toBeNull();
  });

  it('removes a timer started and stopped here whole when its start never went out', () => {
    const queue = queueOf([add('a0'), start('s1'), note('n1', 's1'), start('s2'), stop('x1', 's1')]);
    expect(dropWaitingEntry(queue, 's1')!.actions.map((action) => action.id)).toEqual(['a0', 's2']);
  });

  it('turns the stop of a sent start into a discard, so the timer that may have landed is thrown away', () => {
    const queue = queueOf([start('s1', { sent: true }), note('n1', 's1'), stop('x1', 's1'), add('a1')], { s1: { timerId: 3, entryId: 30 } });
    const dropped = dropWaitingEntry(queue, 's1')!;
    expect(dropped.actions).toEqual([
      queue.actions[0],
      queue.actions[1],
      { type: 'discard', id: 'x1', at: NINE + 30 * MIN, account: ME, timer: { startId: 's1' } },
      queue.actions[3],
    ]);
  });
});
