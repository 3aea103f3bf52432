import { formatDuration, parseDuration, type DurationFormat } from '@/components/format/duration';
import { formatTimeOfDay, parseTimeOfDay, type TimeFormat } from '@/components/format/time';
import type { TimeField, TypedTimes } from './entry-times';

const DAY = 86_400;

/**
 * The three time fields after the user typed `value` into `field`, kept in
 * step so they never contradict each other: a new start or end recomputes
 * the duration (the start and end are what people remember), a new duration
 * moves the end (the start stays put). While what was typed is not (yet) a
 * time, or the result would not be one (an end before the start, past
 * midnight), the other fields are left as they are and the save explains.
 */
export function followTimes(
  times: TypedTimes,
  field: TimeField,
  value: string,
  formats: { timeFormat: TimeFormat; durationFormat: DurationFormat },
  /** A new entry may end the next day (an end before the start is the next day's); an edited one may not. */
  acrossMidnight = false,
): TypedTimes {
  const next = { ...times, [field]: value };
  const start = next.start.trim() ? parseTimeOfDay(next.start) : null;
  if (field === 'duration') {
    const duration = parseDuration(next.duration);
    if (start === null || duration === null || duration <= 0 || duration > DAY || (!acrossMidnight && start + duration >= DAY)) return next;
    return { ...next, end: formatTimeOfDay(start + duration, formats.timeFormat) };
  }
  const end = next.end.trim() ? parseTimeOfDay(next.end) : null;
  if (start === null || end === null || end === start || (end < start && !acrossMidnight)) return next;
  return { ...next, duration: formatDuration(end < start ? end + DAY - start : end - start, formats.durationFormat) };
}
