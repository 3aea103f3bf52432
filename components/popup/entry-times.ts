import { parseDuration } from '@/components/format/duration';
import { parseTimeOfDay } from '@/components/format/time';
import { t } from '@/lib/i18n';

const DAY = 86_400;

/** What the user typed into an entry's time fields. */
export interface TypedTimes {
  start: string;
  end: string;
  duration: string;
}

export type TimeField = keyof TypedTimes;

export type ResolvedTimes =
  | {
      ok: true;
      start: number | null;
      end: number | null;
      duration: number;
      /** Which of them the user changed: the start or end (all three then follow), or the duration alone. */
      changed: 'span' | 'duration' | null;
    }
  | { ok: false; errors: Partial<Record<TimeField, string>> };

/**
 * An entry's start, end and duration from what was typed, checked and made
 * to agree (seconds since midnight, and seconds). For a new entry
 * (`original` absent) the start is needed and the end or the duration. When
 * editing, only fields that differ from `original` (the text first shown)
 * count as changed: a changed start or end moves the duration with them, a
 * changed duration alone moves the end. A new entry may run past midnight
 * (a night shift, 23:00–01:00): an end before its start is the next day's,
 * and `end` is then past `DAY` (the caller splits it, since a TimeCamp entry
 * has one date). Every problem is named by its field, so it can be shown next to it.
 */
export function resolveTimes(typed: TypedTimes, original?: TypedTimes): ResolvedTimes {
  const errors: Partial<Record<TimeField, string>> = {};
  const changed = (field: TimeField) => !original || typed[field].trim() !== original[field].trim();
  const time = (field: 'start' | 'end'): number | null => {
    if (!typed[field].trim()) return null;
    const seconds = parseTimeOfDay(typed[field]);
    if (seconds === null) errors[field] = t('popup_invalidTime');
    return seconds;
  };
  const start = time('start');
  const end = time('end');
  let duration: number | null = null;
  if (typed.duration.trim()) {
    duration = parseDuration(typed.duration);
    if (duration === null) errors.duration = t('popup_invalidDuration');
    else if (duration <= 0) errors.duration = t('popup_durationZero');
    else if (duration > DAY) errors.duration = t('popup_durationTooLong');
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const spanChanged = changed('start') || changed('end');
  if (spanChanged && (original || typed.end.trim())) {
    if (start === null) return { ok: false, errors: { start: t('popup_needStart') } };
    if (end === null) return { ok: false, errors: { end: t('popup_needEndOrDuration') } };
    if (end === start || (original && end < start)) return { ok: false, errors: { end: t('popup_endBeforeStart') } };
    const until = end < start ? end + DAY : end;
    // Both typed by hand and disagreeing by a minute or more: which one is meant is a guess.
    if (duration !== null && changed('duration') && Math.abs(duration - (until - start)) >= 60) {
      return { ok: false, errors: { duration: t('popup_durationMismatch') } };
    }
    return { ok: true, start, end: until, duration: until - start, changed: 'span' };
  }
  if (!original && start === null) return { ok: false, errors: { start: t('popup_needStart') } };
  if (duration === null) return { ok: false, errors: { [original ? 'duration' : 'end']: t('popup_needEndOrDuration') } };
  const changedHow = changed('duration') ? 'duration' : null;
  if (start === null) return { ok: true, start: null, end: null, duration, changed: changedHow };
  // An edit keeps its start and gets no end past midnight; a new entry runs into the next day.
  if (start + duration > DAY && original) return { ok: true, start, end: null, duration, changed: changedHow };
  return { ok: true, start, end: start + duration, duration, changed: changedHow };
}
