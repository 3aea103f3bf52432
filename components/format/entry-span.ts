import { t } from '@/lib/i18n';
import { formatDuration, type DurationFormat } from './duration';
import { formatTimeOfDay, type TimeFormat } from './time';

const DAY = 86_400;

export interface ShownSpan {
  /** `19:07–19:09`, or '' when the entry has no start. */
  range: string;
  duration: string;
}

/**
 * An entry's start–end and duration as one row shows them. Times are shown
 * to the minute, so both ends are rounded to the nearest minute and the
 * duration shown is the distance between the rounded ends: what the eye
 * subtracts is what it reads. An entry under a minute shows its seconds
 * (`45 s`, `0 s`), since `0:00` would read as nothing tracked at all. A duration that
 * TimeCamp keeps apart from the times (it differs by a minute or more) is
 * shown as it is.
 */
export function shownSpan(
  start: number | null,
  end: number | null,
  durationSeconds: number,
  timeFormat: TimeFormat = '24h',
  durationFormat: DurationFormat = 'hh:mm',
): ShownSpan {
  const nearestMinute = (seconds: number) => Math.round(seconds / 60) * 60;
  if (durationSeconds >= 0 && durationSeconds < 60) {
    const range = start === null ? '' : `${formatTimeOfDay(nearestMinute(start), timeFormat)}–${end === null ? '' : formatTimeOfDay(nearestMinute(end), timeFormat)}`;
    return { range, duration: t('popup_secondsShort', Math.round(durationSeconds)) };
  }
  if (start === null) return { range: '', duration: formatDuration(durationSeconds, durationFormat) };
  const from = nearestMinute(start);
  if (end === null) return { range: `${formatTimeOfDay(from, timeFormat)}–`, duration: formatDuration(durationSeconds, durationFormat) };
  // An end before the start is the next day's (an entry across midnight).
  const span = (end - start + DAY) % DAY;
  const to = nearestMinute(start + span);
  const agrees = Math.abs(span - durationSeconds) < 60;
  return {
    range: `${formatTimeOfDay(from, timeFormat)}–${formatTimeOfDay(to, timeFormat)}`,
    duration: formatDuration(agrees ? to - from : durationSeconds, durationFormat),
  };
}
