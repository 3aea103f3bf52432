import { defineTrustedItem } from '@/lib/storage/trusted';
import { INITIAL_RECORDER, type RecorderState } from './recorder';

/** A span waiting to be sent: the site, the title (null unless titles are allowed), when, and the timer's task then. */
export interface WaitingSpan {
  domain: string;
  title: string | null;
  start: number;
  end: number;
  /** The running timer's task while the span was recorded; null when no timer ran. */
  taskId: number | null;
}

/**
 * Spans handed to TimeCamp whose answer has not come back. Marked in the same
 * storage write that takes them out of the waiting list, before the request
 * goes out: a worker that dies meanwhile, or an answer that is lost, leaves
 * them here, and they are checked against what TimeCamp has before any is
 * sent again.
 */
export interface InFlightBatch {
  id: string;
  spans: WaitingSpan[];
  sentAt: number;
}

/** What one account has waiting. Spans are only ever sent as the account they were recorded under. */
export interface AccountOutbox {
  spans: WaitingSpan[];
  inFlight: InFlightBatch | null;
  /** Failed sends in a row, and when the next may go (backoff). */
  failures: number;
  notBefore: number | null;
}

export interface ActivityOutbox {
  /** Keyed by `accountKeyOf`. */
  accounts: Record<string, AccountOutbox>;
}

export const EMPTY_ACCOUNT_OUTBOX: AccountOutbox = { spans: [], inFlight: null, failures: 0, notBefore: null };

export const activityOutbox = defineTrustedItem<ActivityOutbox>('activityOutbox', { fallback: { accounts: {} } });

/** The recorder's state, the open span included: it must outlive the worker. */
export const activityRecorder = defineTrustedItem<RecorderState>('activityRecorder', { fallback: INITIAL_RECORDER });

/** Every span an account has waiting, in flight or not, oldest first. */
export function waitingOf(box: AccountOutbox | undefined): WaitingSpan[] {
  if (!box) return [];
  return [...(box.inFlight?.spans ?? []), ...box.spans].sort((a, b) => a.start - b.start);
}
