import { formatDurationWords } from '@/components/format/duration-words';
import { formatTimeOfDay, type TimeFormat } from '@/components/format/time';
import { t } from '@/lib/i18n';
import type { DayEntry } from '@/lib/day/day-data';
import type { Span } from './layout';

/** `09:00–10:30` (the ends' own times of day, also for an entry across midnight). */
export function rangeText(span: Span, format: TimeFormat): string {
  return `${formatTimeOfDay(span.start, format)}–${formatTimeOfDay(span.end, format)}`;
}

/** What a block is called, for a screen reader and as its tooltip: `Design review, 09:00–10:30, 1 h 30 min`. */
export function spanName(what: string, span: Span, format: TimeFormat, seconds = span.end - span.start): string {
  return `${what}, ${rangeText(span, format)}, ${formatDurationWords(seconds)}`;
}

export function entryName(entry: DayEntry, span: Span, format: TimeFormat): string {
  const name = spanName(entry.taskName || t('day_noTask'), span, format);
  const states = [entry.running && t('day_running'), entry.waitingId !== undefined && t('day_waiting'), entry.locked && t('day_locked')].filter(Boolean);
  return [name, ...states].join(', ');
}
