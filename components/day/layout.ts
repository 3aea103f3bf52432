// The timeline's geometry, in the SVG's own units: one unit per two minutes of the day, after a
// gutter for the lanes' labels, so that at a common page width a unit is about a pixel and the
// 12-unit text reads at its size. The SVG scales to its box, so nothing here measures the page.

export const DAY = 86_400;
/** Width of the lane labels' column. */
export const GUTTER = 100;
/** The drawn day: 24 h at one unit per two minutes. */
export const DAY_WIDTH = 720;
export const WIDTH = GUTTER + DAY_WIDTH;
/** Height of one row of blocks, and of the hour ruler. */
export const ROW = 28;
export const RULER = 24;
/** Pointer and keyboard edits move by five minutes. */
export const STEP = 300;

/** Seconds of the day to x; times outside the day are clipped to its edges. */
export function xOf(seconds: number): number {
  return GUTTER + (Math.min(DAY, Math.max(0, seconds)) / DAY) * DAY_WIDTH;
}

/** x (SVG units) back to seconds of the day, within the day. */
export function secondsAt(x: number): number {
  return Math.min(DAY, Math.max(0, ((x - GUTTER) / DAY_WIDTH) * DAY));
}

/** To the nearest five minutes. */
export function snap(seconds: number): number {
  return Math.round(seconds / STEP) * STEP;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Sub-rows for spans that overlap: each span goes to the first row whose last span has ended by
 * its start, so no block covers another. Answers each span's row (in the order given) and the
 * number of rows (at least one).
 */
export function packRows(spans: readonly Span[]): { rows: number[]; count: number } {
  const order = spans.map((_, index) => index).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[a]!.end - spans[b]!.end);
  const ends: number[] = [];
  const rows = new Array<number>(spans.length);
  for (const index of order) {
    const { start, end } = spans[index]!;
    let row = ends.findIndex((last) => last <= start);
    if (row === -1) row = ends.push(end) - 1;
    else ends[row] = end;
    rows[index] = row;
  }
  return { rows, count: Math.max(1, ends.length) };
}

/** The hours the ruler marks. */
export const HOURS = Array.from({ length: 25 }, (_, hour) => hour);
