import { formatApiDate, formatApiDateTime, localOffsetMinutes } from '@/lib/api';
import type { SyncState } from '@/lib/storage/sync';

// Every datetime sent to TimeCamp is wall-clock time in the account's zone.
// Until the server has shown its zone, the browser's own is the best guess.

export function accountOffset(sync: Pick<SyncState, 'accountOffsetMinutes'>, at: number): number {
  return sync.accountOffsetMinutes ?? localOffsetMinutes(at);
}

/** The moment `at` as TimeCamp's `YYYY-MM-DD HH:MM:SS` in the account's zone. */
export function accountDateTime(sync: Pick<SyncState, 'accountOffsetMinutes'>, at: number): string {
  return formatApiDateTime(at, accountOffset(sync, at));
}

/** The account's calendar day at `at`: what "today" means for entries. */
export function accountDate(sync: Pick<SyncState, 'accountOffsetMinutes'>, at: number): string {
  return formatApiDate(at, accountOffset(sync, at));
}
