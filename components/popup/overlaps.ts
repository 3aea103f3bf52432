import { secondsOfApiTime } from '@/components/format/time';
import type { Entry } from '@/lib/api';

/**
 * The entries of the day that share time with `start`–`end` (seconds since
 * midnight), earliest first. Touching ends (one ends at 10:00, the next
 * starts at 10:00) do not overlap.
 */
export function overlapping(start: number, end: number, entries: readonly Entry[]): Entry[] {
  return entries.filter((entry) => {
    const from = secondsOfApiTime(entry.startTime);
    const to = secondsOfApiTime(entry.endTime);
    if (from === null || to === null) return false;
    // An entry ending past midnight runs to the end of this day.
    const until = to < from ? 86_400 : to;
    return start < until && end > from;
  });
}
