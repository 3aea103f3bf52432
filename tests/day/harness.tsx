import { act } from 'preact/test-utils';
import { WIDTH, xOf } from '@/components/day/layout';
import type { DayData, DayEntry } from '@/lib/day/day-data';

export const h = (hours: number) => Math.round(hours * 3600);

/** An entry as `loadDay` sends it: on 2026-11-30 unless said otherwise, times in seconds of that day. */
export function dayEntry(fields: Partial<DayEntry> & { id: number }): DayEntry {
  return {
    date: '2026-11-30',
    taskId: 6,
    taskName: 'Meetings',
    color: '#1e88e5',
    note: '',
    billable: false,
    locked: false,
    start: h(9),
    end: h(10),
    durationSeconds: 3600,
    ...fields,
  };
}

export function dayData(fields: Partial<DayData> = {}): DayData {
  return { date: '2026-11-30', entries: [], attendance: null, away: [], activity: [], unavailable: [], ...fields };
}

/** The timeline as a screen reader finds it: its SVG, with a box as wide as its view box (one unit per minute). */
export function timelineOf(root: ParentNode): SVGSVGElement {
  const svg = root.querySelector<SVGSVGElement>('svg.timeline');
  if (!svg) throw new Error('no timeline');
  svg.getBoundingClientRect = () => ({ left: 0, top: 0, width: WIDTH, height: 200, right: WIDTH, bottom: 200, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
  return svg;
}

/** A pointer pressed at `from` seconds of the day on `target`, dragged to `to`, released. */
export function drag(target: Element, from: number, to: number): void {
  const at = (type: string, seconds: number) => new PointerEvent(type, { clientX: xOf(seconds), button: 0, pointerId: 1, bubbles: true, cancelable: true });
  act(() => {
    target.dispatchEvent(at('pointerdown', from));
  });
  act(() => {
    target.dispatchEvent(at('pointermove', (from + to) / 2));
  });
  act(() => {
    target.dispatchEvent(at('pointermove', to));
  });
  act(() => {
    target.dispatchEvent(at('pointerup', to));
  });
}

/** A press and release in one place at `seconds` of the day, and the click the browser makes of it. */
export function tap(target: Element, seconds: number): void {
  const at = (type: string) => new PointerEvent(type, { clientX: xOf(seconds), button: 0, pointerId: 1, bubbles: true, cancelable: true });
  act(() => {
    target.dispatchEvent(at('pointerdown'));
    target.dispatchEvent(at('pointerup'));
    target.dispatchEvent(new MouseEvent('click', { clientX: xOf(seconds), bubbles: true }));
  });
}

/** A key pressed on a focused element, with Shift when asked. */
export function key(element: Element, name: string, shift = false): void {
  act(() => {
    (element as HTMLElement).focus?.();
    element.dispatchEvent(new KeyboardEvent('keydown', { key: name, shiftKey: shift, bubbles: true, cancelable: true }));
  });
}
