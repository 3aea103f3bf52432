import type { WaitingSpan } from './outbox';

/**
 * Most spans one day keeps while they wait to be sent. A day of tab changes
 * every few seconds stays well under it; an outbox offline for a week stays
 * a few hundred kilobytes.
 */
export const SPANS_PER_DAY = 2_000;

const seconds = (span: WaitingSpan) => span.end - span.start;

/**
 * Two neighbouring spans as one, with the seconds of both: it starts where
 * the first does and lasts as long as both together (ending no later than the
 * second did, so it overlaps nothing). It names the site of the longer one;
 * a title or task they do not share is the longer one's.
 */
function merge(first: WaitingSpan, second: WaitingSpan): WaitingSpan {
  const longer = seconds(second) > seconds(first) ? second : first;
  return {
    domain: longer.domain,
    title: first.title === second.title ? first.title : longer.title,
    taskId: first.taskId === second.taskId ? first.taskId : longer.taskId,
    start: first.start,
    end: first.start + seconds(first) + seconds(second),
  };
}

/** One day's spans, oldest first, merged down to `cap`: adjacent spans of one site first, oldest first; then the oldest neighbours. */
function capDay(spans: WaitingSpan[], cap: number): WaitingSpan[] {
  const day = [...spans];
  while (day.length > cap) {
    const sameSite = day.findIndex((span, i) => i + 1 < day.length && span.domain === day[i + 1]!.domain);
    const at = sameSite >= 0 ? sameSite : 0;
    day.splice(at, 2, merge(day[at]!, day[at + 1]!));
  }
  return day;
}

/**
 * The waiting spans with every day (`dayOf` a span's start) held to `cap`
 * spans. Past it spans are merged, never dropped: each day's total seconds
 * stay what they were.
 */
export function capSpans(spans: readonly WaitingSpan[], dayOf: (at: number) => string, cap = SPANS_PER_DAY): WaitingSpan[] {
  const days = new Map<string, WaitingSpan[]>();
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const day = dayOf(span.start);
    days.set(day, [...(days.get(day) ?? []), span]);
  }
  return [...days.values()].flatMap((day) => (day.length > cap ? capDay(day, cap) : day));
}
