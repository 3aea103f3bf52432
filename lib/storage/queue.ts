import type { ApiErrorKind, EntryChanges, NewEntry } from '@/lib/api';
import { defineTrustedItem } from './trusted';

/**
 * Which timer an action is about: one this browser started (known by the id of
 * its start action, confirmed or not), or one TimeCamp reported.
 */
export type TimerRef = { startId: string } | { timerId: number; entryId: number | null };

/** Why an action waits for the user: TimeCamp refused it, or it failed too often to go on trying alone. */
export interface Attention {
  kind: ApiErrorKind;
  /** The server's own words where it gave any, else ours. */
  message: string;
  /** When it was set aside (epoch ms). */
  heldAt: number;
  /** An earlier attempt went out unanswered: it may have happened even though this one was refused. */
  mayHaveLanded?: boolean;
}

/** A stopped timer as this browser knew it: its start click, task, note and billing. */
export interface EndedTimer {
  startedAt: number;
  taskId: number | null;
  note: string;
  billable: boolean;
}

interface Base {
  /** Unique, so a replay can be told from a new action. */
  id: string;
  /** When the user acted (epoch ms): the time that reaches TimeCamp, however late it is sent. */
  at: number;
  /** The account it was made under (`accountKeyOf`): it is never sent under another. */
  account: string;
  /** Set, and stored, before the request goes out: a replay must first check whether it landed. */
  sent?: boolean;
  /** Failed attempts so far; past a bound the action is held for the user. */
  attempts?: number;
  /** Held: waits for the user's Retry or Discard. Only the actions that depend on it wait with it. */
  attention?: Attention;
}

export type QueuedAction = Base &
  (
    | {
        type: 'start';
        taskId: number;
        /** The `started_at` last sent: a timer TimeCamp runs with it is this action's, even at a wrongly guessed zone. */
        sentStartedAt?: string;
      }
    | {
        type: 'stop';
        timer: TimerRef;
        /**
         * The timer as it was when stopped. Today lists it from this, waiting, when the
         * day TimeCamp last sent was fetched before the timer started.
         */
        ended?: EndedTimer;
      }
    | { type: 'discard'; timer: TimerRef }
    /** A running timer's note, billing or task; a start's note and billing follow it as one of these. */
    | { type: 'edit-running'; timer: TimerRef; taskId?: number; note?: string; billable?: boolean }
    | {
        type: 'add-entry';
        entry: NewEntry & { startTime: string; endTime: string };
        /** Counts the user's edits of the entry while it waited: a send of an older version must not complete it. */
        revision?: number;
        /** Versions that went out before it was edited: one of them may be in TimeCamp, and is then changed, not added again. */
        earlier?: Array<NewEntry & { startTime: string; endTime: string }>;
        /** Deleted while it waited: nothing is added, and a version that landed is deleted. */
        withdrawn?: boolean;
        /**
         * Made of a timer started and stopped while TimeCamp was away and then edited: the start
         * may have reached TimeCamp, whose timer (this task, one of these start times) is thrown away first.
         */
        replacesStart?: { taskId: number; startedAt: string[] };
      }
    | { type: 'edit-entry'; entryId: number; changes: EntryChanges }
    | { type: 'delete-entry'; entryId: number }
  );

export interface ActionQueue {
  /** In the order the user acted; sent in that order, a held action and what depends on it excepted. */
  actions: QueuedAction[];
  /** What TimeCamp answered to each start action still referred to by a queued action. */
  started: Record<string, { timerId: number; entryId: number | null }>;
  /** Failed attempts in a row, for the backoff. */
  failures: number;
  /** Nothing is sent before this moment (epoch ms): a restarted worker, or one a tracker page woke, waits too. */
  notBefore: number | null;
  /** TimeCamp itself asked for the wait (Retry-After): not even a click sends sooner. */
  serverAsked: boolean;
  /** Counts every change the user queued: a sync applies TimeCamp's status only if none came while it asked. */
  revision: number;
}

export const EMPTY_QUEUE: ActionQueue = { actions: [], started: {}, failures: 0, notBefore: null, serverAsked: false, revision: 0 };

export const actionQueue = defineTrustedItem<ActionQueue>('queue', { fallback: EMPTY_QUEUE });
