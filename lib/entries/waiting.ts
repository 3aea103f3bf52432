import type { Entry } from '@/lib/api';
import type { ActionQueue, QueuedAction } from '@/lib/storage/queue';
import { refersToStart } from '@/lib/timer/queue-rules';
import { stoppedStart } from '@/lib/timer/waiting-rules';

/** An entry the user made that TimeCamp does not have yet: shown with the day's entries, marked as waiting. */
export interface WaitingEntry {
  /** The queued action that makes it: its add-entry, or the start of a timer stopped before TimeCamp had it. */
  actionId: string;
  entry: Entry;
}

/** The account's `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS` of a moment. */
export type AccountTime = (at: number) => { date: string; dateTime: string };

function asEntry(id: number, fields: { date: string; startTime: string; endTime: string; durationSeconds: number; taskId?: number; note?: string; billable?: boolean }): Entry {
  return {
    id,
    durationSeconds: fields.durationSeconds,
    // The user's own: no view shows whose a waiting entry is.
    userId: 0,
    userName: '',
    taskId: fields.taskId ?? null,
    taskName: '',
    date: fields.date,
    startTime: fields.startTime,
    endTime: fields.endTime,
    note: fields.note ?? '',
    billable: fields.billable ?? false,
    invoiceId: null,
    locked: false,
    addonsExternalId: null,
    modifiedAt: null,
    color: null,
  };
}

/**
 * The entries on `date` that exist only in the queue so far: manual entries
 * and timers started and stopped while TimeCamp was away (their task and
 * note as last changed before the stop). Ids are negative, never TimeCamp's.
 */
export function waitingEntries(queue: ActionQueue | undefined, accountKey: string, date: string, accountTime: AccountTime): WaitingEntry[] {
  const found: WaitingEntry[] = [];
  for (const action of queue?.actions ?? []) {
    if (action.account !== accountKey) continue;
    const id = -(found.length + 1);
    if (action.type === 'add-entry' && !action.withdrawn && action.entry.date === date) {
      found.push({ actionId: action.id, entry: asEntry(id, action.entry) });
      continue;
    }
    if (action.type !== 'start') continue;
    const stopped = stoppedStart(queue!, action.id);
    if (!stopped) continue;
    const from = accountTime(action.at);
    if (from.date !== date) continue;
    const details: { taskId: number; note?: string; billable?: boolean } = { taskId: action.taskId };
    for (const follow of queue!.actions) {
      if (follow.type !== 'edit-running' || !refersToStart(follow, action.id) || follow.at > stopped.end.at) continue;
      if (follow.taskId !== undefined) details.taskId = follow.taskId;
      if (follow.note !== undefined) details.note = follow.note;
      if (follow.billable !== undefined) details.billable = follow.billable;
    }
    found.push({
      actionId: action.id,
      entry: asEntry(id, {
        date,
        startTime: from.dateTime,
        endTime: accountTime(stopped.end.at).dateTime,
        durationSeconds: Math.max(0, Math.round((stopped.end.at - action.at) / 1000)),
        ...details,
      }),
    });
  }
  return found;
}

/**
 * Timers TimeCamp confirmed and the user stopped since, that the day TimeCamp
 * last sent does not list (it was fetched before they started), while their
 * stop waits: as the stop saw them, with the edits queued after it. Their ids
 * are TimeCamp's, so they are edited and deleted like the day's other entries.
 */
export function unlistedStops(queue: ActionQueue | undefined, accountKey: string, listed: ReadonlySet<number>, date: string, accountTime: AccountTime): Entry[] {
  const found: Entry[] = [];
  for (const action of queue?.actions ?? []) {
    if (action.account !== accountKey || action.type !== 'stop' || !action.ended) continue;
    const entryId = stoppedEntryId(queue!, action);
    if (entryId === null || listed.has(entryId)) continue;
    const { startedAt, taskId, note, billable } = action.ended;
    const from = accountTime(startedAt);
    if (from.date !== date) continue;
    let entry: Entry | null = asEntry(entryId, {
      date,
      startTime: from.dateTime,
      endTime: accountTime(action.at).dateTime,
      durationSeconds: Math.max(0, Math.round((action.at - startedAt) / 1000)),
      taskId: taskId ?? undefined,
      note,
      billable,
    });
    for (const later of queue!.actions) {
      if (entry && later.type === 'edit-entry' && later.entryId === entryId) entry = { ...entry, ...later.changes };
      if (later.type === 'delete-entry' && later.entryId === entryId) entry = null;
    }
    if (entry) found.push(entry);
  }
  return found;
}

/** The TimeCamp entry a stop ends, when known. */
function stoppedEntryId(queue: ActionQueue, stop: Extract<QueuedAction, { type: 'stop' }>): number | null {
  return 'entryId' in stop.timer ? stop.timer.entryId : (queue.started[stop.timer.startId]?.entryId ?? null);
}

/**
 * Entries TimeCamp lists as still running whose stop waits in the queue: by
 * entry id, the moment of the stop. The day shows them stopped, as waiting.
 */
export function pendingStops(queue: ActionQueue | undefined, accountKey: string): Map<number, number> {
  const stops = new Map<number, number>();
  for (const action of queue?.actions ?? []) {
    if (action.account !== accountKey || action.type !== 'stop') continue;
    const entryId = stoppedEntryId(queue!, action);
    if (entryId !== null) stops.set(entryId, action.at);
  }
  return stops;
}

