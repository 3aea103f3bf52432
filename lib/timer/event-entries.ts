import type { NewEntryRequest } from '@/lib/messaging/protocol';
import type { SyncState } from '@/lib/storage/sync';
import { accountDateTime, accountOffset } from './account-time';

const DAY_MS = 24 * 3600_000;

/** `HH:MM:SS` as seconds since midnight. */
const seconds = (clock: string) => clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);

/**
 * The entries a calendar event becomes: its time in the account's zone, one entry per account
 * day it covers (TimeCamp's entries belong to one day). A piece that runs to midnight ends at
 * 23:59:59, the last second the day can name; its duration is what its times say.
 */
export function eventEntries(
  event: { start: number; end: number },
  sync: Pick<SyncState, 'accountOffsetMinutes'>,
  fields: Pick<NewEntryRequest, 'taskId' | 'note' | 'billable'>,
): NewEntryRequest[] {
  const entries: NewEntryRequest[] = [];
  for (let from = event.start; from < event.end; ) {
    const offsetMs = accountOffset(sync, from) * 60_000;
    // The next midnight of the account's day that `from` is in.
    const midnight = Math.floor((from + offsetMs) / DAY_MS + 1) * DAY_MS - offsetMs;
    const to = Math.min(event.end, midnight);
    const [date, startTime] = accountDateTime(sync, from).split(' ') as [string, string];
    const endTime = to === midnight ? '23:59:59' : accountDateTime(sync, to).split(' ')[1]!;
    entries.push({ date, startTime, endTime, durationSeconds: seconds(endTime) - seconds(startTime), ...fields });
    from = to;
  }
  return entries;
}
