import type { DayActivity } from '@/lib/day/day-data';
import { DAY, type Span } from './layout';

/** Spans of one site this close together read as one visit. */
const JOIN = 120;

/** A visit to one site: spans of it merged, with the time actually spent there. */
export interface Stretch extends Span {
  site: string;
  seconds: number;
}

const clip = (span: Span) => ({ start: Math.max(0, span.start), end: Math.min(DAY, span.end) });

/**
 * Activity spans (ordered by start) merged by site: a span of the same site as the stretch before
 * it, starting within two minutes of its end, extends it. Another site in between starts a new
 * stretch, so the lane reads in order.
 */
export function mergeBySite(spans: readonly DayActivity[]): Stretch[] {
  const stretches: Stretch[] = [];
  let last: Stretch | undefined;
  for (const span of spans) {
    const { start, end } = clip(span);
    if (end <= start) continue;
    if (last && last.site === span.site && start - last.end <= JOIN) {
      last.end = Math.max(last.end, end);
      last.seconds += end - start;
      continue;
    }
    last = { start, end, site: span.site, seconds: end - start };
    stretches.push(last);
  }
  return stretches;
}

/** Time per site in a range (all day by default), most time first. */
export function siteTotals(spans: readonly DayActivity[], range: Span = { start: 0, end: DAY }): { site: string; seconds: number }[] {
  const totals = new Map<string, number>();
  for (const span of spans) {
    const seconds = Math.min(span.end, range.end) - Math.max(span.start, range.start);
    if (seconds > 0) totals.set(span.site, (totals.get(span.site) ?? 0) + seconds);
  }
  return [...totals].map(([site, seconds]) => ({ site, seconds })).sort((a, b) => b.seconds - a.seconds || a.site.localeCompare(b.site));
}

/** The note suggested for a range: the sites visited in it, most time first. */
export function suggestedNote(spans: readonly DayActivity[], range: Span): string {
  return siteTotals(spans, range)
    .map((total) => total.site)
    .join(', ');
}
