import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { FrameSignal } from '@/components/in-page/frame-signals';
import { ROW_HEIGHT } from './TaskCombobox';

/** Rows the list shows when the window has room for them. */
const MOST_ROWS = 6;

/**
 * Fits a form with a task list into its frame. The page that holds the frame gives it at most the
 * room it has by the button; the list takes what is left after everything else, so the Note and
 * the buttons always show. Tells the page, through `post`, the height the form wants with the
 * list at its tallest (which does not depend on the rows it got, so the sizes settle at once),
 * and returns the rows the list may show now.
 */
export function useFrameFit(form: RefObject<HTMLElement>, post: (signal: FrameSignal) => void): number {
  const [rows, setRows] = useState(MOST_ROWS);
  useLayoutEffect(() => {
    const element = form.current;
    if (!element) return;
    let told = -1;
    const measure = () => {
      const list = element.querySelector<HTMLElement>('[role=listbox]');
      const open = list !== null && !list.hidden;
      // Everything but the list's rows (its border included).
      const rest = element.offsetHeight - (open ? list.clientHeight : 0);
      const wanted = Math.ceil(rest + (open ? Math.min(list.scrollHeight, MOST_ROWS * ROW_HEIGHT) : 0));
      if (wanted !== told) post({ type: 'size', height: (told = wanted) });
      setRows(Math.max(1, Math.min(MOST_ROWS, Math.floor((innerHeight - rest) / ROW_HEIGHT))));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The rows found change what the list wants even while it shows no more of them.
    const rowsFound = element.querySelector('[role=listbox] > [role=presentation]');
    if (rowsFound) observer.observe(rowsFound);
    addEventListener('resize', measure);
    measure();
    return () => {
      observer.disconnect();
      removeEventListener('resize', measure);
    };
  }, []);
  return rows;
}
