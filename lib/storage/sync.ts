import type { ApiErrorKind } from '@/lib/api';
import { defineTrustedItem } from './trusted';

export interface SyncProblem {
  kind: ApiErrorKind;
  message: string;
  /** What the user was doing when it happened, e.g. "Starting the timer". */
  during: string;
  at: number;
}

/** How this browser stands with TimeCamp. */
export interface SyncState {
  lastSyncAt: number | null;
  /**
   * The TimeCamp account's offset from UTC in minutes, derived from the
   * server's own answers; null until a running timer has shown it (until then
   * the browser's own offset stands in).
   */
  accountOffsetMinutes: number | null;
  /** TimeCamp refused the token: the queue waits until the user signs in again. */
  authProblem: boolean;
  /** The last thing that went wrong and is not yet resolved (offline, server error, a refused action). */
  problem: SyncProblem | null;
}

export const syncState = defineTrustedItem<SyncState>('sync', {
  fallback: { lastSyncAt: null, accountOffsetMinutes: null, authProblem: false, problem: null },
});
