import { h } from './dom';

/** An open popover, as its content sees it. */
export interface Popover {
  /** Closes it and gives the focus back to the opener. */
  close(): void;
  /** Aborted when it closes, however: listeners added with it go with it. */
  signal: AbortSignal;
  /** Places it again (after its content changed size). */
  follow(): void;
  /** Whether it is on screen yet (a prepared popover is built before it is shown). */
  shown(): boolean;
}

export interface PopoverOptions {
  label: string;
  /** A class besides `p`, for content that needs another box. */
  className?: string;
  /** The content. */
  build(popover: Popover): Node[];
  /** Runs once, however it closed. */
  onClosed(): void;
  /** Runs once, when it is put on screen. */
  onShown?(): void;
  /** Where it goes, given the opener's box (viewport coordinates); under the opener by default. */
  place?(element: HTMLElement, opener: DOMRect): void;
}

/** Under the opener, its left edge with the opener's, kept inside the window. */
function placeBelow(pop: HTMLElement, at: DOMRect): void {
  pop.style.top = `${at.bottom + 4}px`;
  pop.style.left = `${Math.max(4, Math.min(at.left, innerWidth - pop.offsetWidth - 4))}px`;
}

export interface PreparedPopover {
  /** Puts it on screen (the top layer where the browser has it) and focuses its first field. */
  show(): void;
  /** Closes it, shown or not; the focus goes back to the opener when it was shown. */
  close(): void;
}

/**
 * A small dialog by `opener`, inside the same shadow root, built now and shown later: a frame in
 * it starts loading at once, out of sight. Where the browser has the Popover API it goes to the
 * top layer (no page `overflow` or `z-index` can hide it) and closes on a click outside; Escape
 * closes it everywhere.
 */
export function preparePopover(container: HTMLElement, opener: HTMLButtonElement, options: PopoverOptions): PreparedPopover {
  const pop = h('div', { role: 'dialog', 'aria-label': options.label, class: options.className ? `p ${options.className}` : 'p' });
  const canTop = typeof pop.showPopover === 'function';
  // Until shown: in place, inert (out of reach of the pointer, the keyboard and screen readers)
  // and all but transparent, not fully: the browser draws nothing of a fully transparent frame,
  // and a frame it draws for the first time once shown takes several frames longer to appear.
  // (A frame keeps its own content unpainted until shown: components/task-picker/reveal.ts.)
  if (canTop) {
    pop.classList.add('w');
    pop.inert = true;
  } else pop.hidden = true;
  const place = options.place ?? placeBelow;
  const done = new AbortController();
  let open = true;
  let shown = false;
  let top = false;
  const follow = () => {
    if (top || (canTop && !shown)) place(pop, opener.getBoundingClientRect());
  };
  const close = (refocus = true) => {
    if (!open) return;
    open = false;
    done.abort();
    pop.remove();
    options.onClosed();
    if (refocus && shown) opener.focus();
  };
  pop.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  });
  pop.append(...options.build({ close: () => close(), signal: done.signal, follow, shown: () => shown }));
  container.append(pop);
  follow();
  return {
    show() {
      if (!open || shown) return;
      shown = true;
      pop.hidden = false;
      pop.inert = false;
      pop.classList.remove('w');
      if (canTop) {
        pop.popover = 'auto';
        // The opener is the invoker: clicking it does not count as a click outside.
        opener.popoverTargetElement = pop;
        pop.addEventListener('toggle', (event) => {
          if ((event as ToggleEvent).newState === 'closed') close(false);
        });
        pop.showPopover();
        pop.classList.add('top');
        top = true;
        follow();
        addEventListener('scroll', follow, { capture: true, passive: true, signal: done.signal });
        addEventListener('resize', follow, { signal: done.signal });
      }
      pop.querySelector<HTMLElement>('input, button')?.focus();
      options.onShown?.();
    },
    close: () => close(),
  };
}

/** Opens a small dialog by `opener` at once (see `preparePopover`). Returns the function that closes it. */
export function openPopover(container: HTMLElement, opener: HTMLButtonElement, options: PopoverOptions): () => void {
  const popover = preparePopover(container, opener, options);
  popover.show();
  return popover.close;
}
