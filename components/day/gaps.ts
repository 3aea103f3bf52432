import { DAY, type Span } from './layout';

/** Gaps shorter than this are the seams between entries, not time to fill. */
export const MIN_GAP = 300;

/**
 * The stretches of working time no entry covers: within attendance when the day has it, else
 * between the first entry's start and the last one's end. Each at least five minutes long.
 */
export function untrackedGaps(entries: readonly Span[], attendance: { start: number | null; end: number | null } | null): Span[] {
  const timed = entries.filter((entry) => entry.end > entry.start).sort((a, b) => a.start - b.start);
  const from = attendance?.start ?? timed[0]?.start;
  const to = attendance?.end ?? timed.reduce((last, entry) => Math.max(last, entry.end), -Infinity);
  if (from === undefined || !Number.isFinite(to)) return [];
  const frame = { start: Math.max(0, from), end: Math.min(DAY, to < from ? to + DAY : to) };
  const gaps: Span[] = [];
  let at = frame.start;
  for (const entry of timed) {
    const end = Math.min(entry.start, frame.end);
    if (end - at >= MIN_GAP) gaps.push({ start: at, end });
    at = Math.max(at, entry.end);
  }
  if (frame.end - at >= MIN_GAP) gaps.push({ start: at, end: frame.end });
  return gaps;
}
