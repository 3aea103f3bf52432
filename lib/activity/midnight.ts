import type { ClosedSpan } from './recorder';

const DAY_MS = 86_400_000;

/**
 * A span that runs past the account's midnight, as one span per account day: TimeCamp files
 * computer activity by day, so time after midnight belongs to the next one. `offset` gives the
 * account zone's minutes east of UTC at a moment.
 */
export function splitAtMidnight(span: ClosedSpan, offset: (at: number) => number): ClosedSpan[] {
  const parts: ClosedSpan[] = [];
  let start = span.start;
  for (;;) {
    const shift = offset(start) * 60_000;
    const midnight = Math.floor((start + shift) / DAY_MS + 1) * DAY_MS - shift;
    if (span.end <= midnight) break;
    parts.push({ ...span, start, end: midnight });
    start = midnight;
  }
  parts.push({ ...span, start });
  return parts;
}
