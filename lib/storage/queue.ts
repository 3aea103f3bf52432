import { storage } from 'wxt/utils/storage';
import type { EntryChanges, NewEntry } from '@/lib/api';

/**
 * Which timer an action is about: one this browser started (known by the id of
 * its start action, confirmed or not), or one TimeCamp reported.
 */
export type TimerRef = { startId: string } | { timerId: number; entryId: number | null };

interface Base {
  /** Unique, so a replay can be told from a new action. */
  id: string;
  /** When the user acted (epoch ms): the time that reaches TimeCamp, however late it is sent. */
  at: number;
  /** Set, and stored, before the request goes out: a replay must first check whether it landed. */
  sent?: boolean;
}

export type QueuedAction = Base &
  (
    | {
        type: 'start';
        taskId: number;
        note: string;
        billable?: boolean;
        /** The `started_at` last sent: a timer TimeCamp runs with it is this action's, even at a wrongly guessed zone. */
        sentStartedAt?: string;
      }
    | { type: 'stop'; timer: TimerRef }
    | { type: 'discard'; timer: TimerRef }
    | { type: 'edit-running'; timer: TimerRef; taskId?: number; note?: string; billable?: boolean }
    | { type: 'add-entry'; entry: NewEntry & { startTime: string; endTime: string } }
    | { type: 'edit-entry'; entryId: number; changes: EntryChanges }
    | { type: 'delete-entry'; entryId: number }
  );

export interface ActionQueue {
  /** In the order the user acted; sent strictly in that order. */
  actions: QueuedAction[];
  /** What TimeCamp answered to each start action still referred to by a queued action. */
  started: Record<string, { timerId: number; entryId: number }>;
  /** Failed attempts in a row, for the backoff. */
  failures: number;
}

export const actionQueue = storage.defineItem<ActionQueue>('local:queue', {
  fallback: { actions: [], started: {}, failures: 0 },
});
