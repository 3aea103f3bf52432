/** Which rows of a fixed-row-height list to render. */
export interface RowWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last to render (exclusive). */
  end: number;
}

/**
 * The rows visible at `scrollTop` in a viewport `viewportHeight` tall, plus
 * `overscan` rows either side so fast scrolling shows no gap. Only these are
 * in the DOM, whatever the list's length.
 */
export function rowWindow(count: number, rowHeight: number, viewportHeight: number, scrollTop: number, overscan = 4): RowWindow {
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, count - 1) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end };
}

/** The scroll position that brings row `index` into view, moving as little as possible. */
export function scrollToShow(index: number, rowHeight: number, viewportHeight: number, scrollTop: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
