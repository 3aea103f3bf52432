import type { NewEntry } from '@/lib/api';
import type { ActionQueue, QueuedAction } from '@/lib/storage/queue';
import { refersToStart, removeActions, withDependents, withoutUnusedStarts } from './queue-rules';

// Pure rules for entries that exist only in the queue so far (added, or a
// timer started and stopped, while TimeCamp was away): how the user edits or
// deletes one before TimeCamp has it, without a duplicate or a lost change
// whatever was sent already.

export type WaitingEntryFields = NewEntry & { startTime: string; endTime: string };
type AddEntry = Extract<QueuedAction, { type: 'add-entry' }>;
type Start = Extract<QueuedAction, { type: 'start' }>;

/** A timer start whose stop is queued too: an entry in the making. */
export function stoppedStart(queue: ActionQueue, actionId: string): { start: Start; end: QueuedAction } | null {
  const start = queue.actions.find((action): action is Start => action.id === actionId && action.type === 'start');
  const end = start && queue.actions.find((action) => refersToStart(action, start.id) && (action.type === 'stop' || action.type === 'discard'));
  return start && end?.type === 'stop' ? { start, end } : null;
}

/**
 * The queue with the waiting entry made by `actionId` changed to `entry`:
 * - a queued add-entry takes the new fields; a version already sent is kept
 *   as `earlier`, so a replay changes it in TimeCamp if it landed;
 * - a timer started and stopped here becomes the entry it is, added in one
 *   piece (its start, if it went out, is checked and thrown away first).
 * Null when there is no such waiting entry.
 */
export function reviseWaitingEntry(
  queue: ActionQueue,
  actionId: string,
  entry: WaitingEntryFields,
  accountTime: (at: number) => string,
): ActionQueue | null {
  const added = queue.actions.find((action): action is AddEntry => action.id === actionId && action.type === 'add-entry' && !action.withdrawn);
  if (added) {
    const revised: AddEntry = {
      ...added,
      entry,
      revision: (added.revision ?? 0) + 1,
      // What went out may be in TimeCamp: remembered, so it is changed rather than added again.
      ...(added.sent && { earlier: [...(added.earlier ?? []), added.entry] }),
      // The user changed what was refused: worth trying again.
      attention: undefined,
      attempts: 0,
    };
    return { ...queue, actions: queue.actions.map((action) => (action.id === actionId ? revised : action)) };
  }
  const stopped = stoppedStart(queue, actionId);
  if (!stopped) return null;
  const { start } = stopped;
  const replacement: AddEntry = {
    type: 'add-entry',
    id: `${start.id}:entry`,
    at: start.at,
    account: start.account,
    entry,
    ...(start.sent && { replacesStart: { taskId: start.taskId, startedAt: [accountTime(start.at), ...(start.sentStartedAt ? [start.sentStartedAt] : [])] } }),
  };
  const drop = withDependents(queue.actions, start.id);
  const actions = queue.actions.flatMap((action) => (action.id === start.id ? [replacement] : drop.has(action.id) ? [] : [action]));
  return withoutUnusedStarts({ ...queue, actions });
}

/**
 * The queue without the waiting entry made by `actionId`: an add-entry never
 * sent goes; one sent may have landed, so it stays, withdrawn (a replay
 * deletes what landed). A timer started and stopped here goes whole if its
 * start never went out; else its stop becomes a discard. Null when there is no such entry.
 */
export function dropWaitingEntry(queue: ActionQueue, actionId: string): ActionQueue | null {
  const added = queue.actions.find((action): action is AddEntry => action.id === actionId && action.type === 'add-entry' && !action.withdrawn);
  if (added) {
    if (!added.sent) return removeActions(queue, new Set([actionId]));
    const withdrawn: AddEntry = { ...added, withdrawn: true, revision: (added.revision ?? 0) + 1, attention: undefined, attempts: 0 };
    return { ...queue, actions: queue.actions.map((action) => (action.id === actionId ? withdrawn : action)) };
  }
  const stopped = stoppedStart(queue, actionId);
  if (!stopped) return null;
  if (!stopped.start.sent) return removeActions(queue, withDependents(queue.actions, actionId));
  const discard: QueuedAction = { type: 'discard', id: stopped.end.id, at: stopped.end.at, account: stopped.end.account, timer: { startId: actionId } };
  return { ...queue, actions: queue.actions.map((action) => (action.id === stopped.end.id ? discard : action)) };
}
