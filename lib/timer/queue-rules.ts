import { EMPTY_QUEUE, type ActionQueue, type QueuedAction } from '@/lib/storage/queue';

// Pure rules over the persisted queue: which action goes next, what depends
// on what, and how an older stored queue reads today. The queue service
// (action-queue.ts) applies them inside its one writer section.

/** True when `action` is about the timer that the start action `startId` began. */
export function refersToStart(action: QueuedAction, startId: string): boolean {
  return 'timer' in action && 'startId' in action.timer && action.timer.startId === startId;
}

/** The action with this id and every queued action that depends on it (a start's stop, note and discard). */
export function withDependents(actions: readonly QueuedAction[], id: string): Set<string> {
  return new Set(actions.filter((action) => action.id === id || refersToStart(action, id)).map((action) => action.id));
}

/**
 * Failures worth sending the same action again for; after them the action may
 * or may not have happened (a lost answer, a garbled one, a captive portal's
 * page). Any other failure is TimeCamp saying no: it did not happen.
 */
export const RETRYABLE_KINDS: ReadonlySet<string> = new Set(['network', 'timeout', 'server', 'rate-limited', 'malformed']);

const TIMER_TYPES: ReadonlySet<QueuedAction['type']> = new Set(['start', 'stop', 'discard']);

/** A held start that TimeCamp refused outright: no timer of it runs there, so nothing later depends on it but its own follow-ups. */
export function isRefusedStart(action: QueuedAction): boolean {
  const { attention } = action;
  return action.type === 'start' && attention !== undefined && !RETRYABLE_KINDS.has(attention.kind) && !attention.mayHaveLanded;
}

/**
 * Held timer actions that later timer actions must wait for. TimeCamp runs
 * one timer per user and a start ends whatever runs: sending a later start
 * before a held stop (or before a start that may have landed) would end that
 * timer at the wrong moment.
 */
function holdsTheTimer(action: QueuedAction): boolean {
  return action.attention !== undefined && TIMER_TYPES.has(action.type) && !isRefusedStart(action);
}

/** What an edit changes, so a later edit of the same thing waits for an earlier one: its entry, or its timer. */
function editTarget(action: QueuedAction): string | null {
  if (action.type === 'edit-entry' || action.type === 'delete-entry') return `entry:${action.entryId}`;
  if (action.type === 'edit-running') return 'startId' in action.timer ? `start:${action.timer.startId}` : `timer:${action.timer.timerId}`;
  return null;
}

/**
 * The next action to send for the signed-in account: the first in the order
 * the user acted that is not held and was made under this account (an action
 * of another account is never sent here), and does not wait behind a held
 * action: a start's stop and follow-ups wait for the start, a later edit of
 * the same entry or timer for the earlier one (else the retried older one
 * would undo it), and a timer action for a held timer action.
 */
export function nextSendable(queue: ActionQueue, accountKey: string): QueuedAction | null {
  const waiting = new Set<string>();
  const heldTargets = new Set<string>();
  let timerHeld = false;
  for (const action of queue.actions) {
    const target = editTarget(action);
    const blocked =
      action.account !== accountKey ||
      action.attention !== undefined ||
      (timerHeld && (TIMER_TYPES.has(action.type) || action.type === 'edit-running')) ||
      (target !== null && heldTargets.has(target)) ||
      [...waiting].some((startId) => refersToStart(action, startId));
    if (!blocked) return action;
    if (action.type === 'start') waiting.add(action.id);
    if (target !== null) heldTargets.add(target);
    if (action.account === accountKey && holdsTheTimer(action)) timerHeld = true;
  }
  return null;
}

/** While a timer action waits for the user, the timer on screen is the user's, not TimeCamp's. */
export function timerChangeHeld(queue: ActionQueue, accountKey: string): boolean {
  return queue.actions.some((action) => action.account === accountKey && action.attention !== undefined && TIMER_TYPES.has(action.type));
}

/** Actions that would still be sent for this account: a sync must not apply TimeCamp's status over them. */
export function hasSendable(queue: ActionQueue, accountKey: string): boolean {
  return nextSendable(queue, accountKey) !== null;
}

/** Held actions of this account, in the order the user made them. */
export function heldActions(queue: ActionQueue, accountKey: string): QueuedAction[] {
  return queue.actions.filter((action) => action.account === accountKey && action.attention !== undefined);
}

/** Drops TimeCamp's answers to starts nothing refers to any more. */
export function withoutUnusedStarts(queue: ActionQueue): ActionQueue {
  const started = Object.fromEntries(Object.entries(queue.started).filter(([startId]) => queue.actions.some((action) => refersToStart(action, startId))));
  return { ...queue, started };
}

/** Removes actions by id, and the answers only they referred to. */
export function removeActions(queue: ActionQueue, ids: ReadonlySet<string>): ActionQueue {
  return withoutUnusedStarts({ ...queue, actions: queue.actions.filter((action) => !ids.has(action.id)) });
}

type LegacyAction = Partial<QueuedAction> & { note?: string; billable?: boolean };

/**
 * A queue as stored by any version: fields added since get their defaults,
 * actions made before they carried their account get the account signed in
 * now (the only one they can have been made under: switching accounts waited
 * for the queue), and a start that still carries its note and billing is
 * split into the start and a follow-up, as starts are queued today.
 */
export function readStoredQueue(stored: Partial<ActionQueue> | null | undefined, accountKey: string | null): ActionQueue {
  const queue: ActionQueue = { ...EMPTY_QUEUE, ...stored, actions: [] };
  for (const raw of (stored?.actions ?? []) as LegacyAction[]) {
    const action = { ...raw, account: raw.account ?? accountKey ?? '' } as QueuedAction & { note?: string; billable?: boolean };
    if (action.type !== 'start' || (action.note === undefined && action.billable === undefined)) {
      queue.actions.push(action);
      continue;
    }
    const { note, billable, ...start } = action;
    queue.actions.push(start);
    if (note || billable !== undefined) {
      queue.actions.push({ type: 'edit-running', id: `${start.id}:details`, at: start.at, account: start.account, timer: { startId: start.id }, note: note || undefined, billable });
    }
  }
  return queue;
}

/**
 * A refused start the user retries after its timer already ended here (it
 * was stopped, or another start followed): starting it now would end whatever
 * TimeCamp runs meanwhile. It becomes what it has turned into, an entry from
 * the start click to the stop click, with the note and billing its follow-ups
 * set (and the task it was switched to). A start whose timer was discarded leaves nothing to send.
 */
export function heldStartAsEntry(
  queue: ActionQueue,
  startId: string,
  accountTime: (at: number) => { date: string; dateTime: string },
): ActionQueue {
  const start = queue.actions.find((action): action is Extract<QueuedAction, { type: 'start' }> => action.id === startId && action.type === 'start');
  const dependents = queue.actions.filter((action) => refersToStart(action, startId));
  const end = dependents.find((action) => action.type === 'stop' || action.type === 'discard');
  if (!start || !end) return queue;
  const drop = withDependents(queue.actions, startId);
  if (end.type === 'discard') return removeActions(queue, drop);

  const details = { taskId: start.taskId, note: '', billable: undefined as boolean | undefined };
  for (const action of dependents) {
    if (action.type !== 'edit-running' || action.at > end.at) continue;
    if (action.taskId !== undefined) details.taskId = action.taskId;
    if (action.note !== undefined) details.note = action.note;
    if (action.billable !== undefined) details.billable = action.billable;
  }
  const from = accountTime(start.at);
  const entry: QueuedAction = {
    type: 'add-entry',
    id: `${start.id}:entry`,
    at: start.at,
    account: start.account,
    entry: {
      date: from.date,
      startTime: from.dateTime,
      endTime: accountTime(end.at).dateTime,
      durationSeconds: Math.max(0, Math.round((end.at - start.at) / 1000)),
      taskId: details.taskId,
      note: details.note,
      billable: details.billable,
    },
  };
  const actions = queue.actions.flatMap((action) => (action.id === startId ? [entry] : drop.has(action.id) ? [] : [action]));
  return withoutUnusedStarts({ ...queue, actions });
}
