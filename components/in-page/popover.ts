import { h } from './dom';

/**
 * Opens a small dialog under `opener`, inside the same shadow root. Where the browser has the
 * Popover API it goes to the top layer (no page `overflow` or `z-index` can hide it) and closes on
 * a click outside; Escape closes it everywhere. `build` gets the function that closes it and
 * returns the content; `onClosed` runs once, however it closed. Returns that close function.
 */
export function openPopover(
  container: HTMLElement,
  opener: HTMLButtonElement,
  label: string,
  build: (close: () => void) => Node[],
  onClosed: () => void,
): () => void {
  const pop = h('div', { role: 'dialog', 'aria-label': label, class: 'p' });
  let open = true;
  const follow = () => {
    const at = opener.getBoundingClientRect();
    pop.style.top = `${at.bottom + 4}px`;
    pop.style.left = `${Math.max(4, Math.min(at.left, innerWidth - pop.offsetWidth - 4))}px`;
  };
  const close = (refocus = true) => {
    if (!open) return;
    open = false;
    removeEventListener('scroll', follow, true);
    removeEventListener('resize', follow);
    pop.remove();
    onClosed();
    if (refocus) opener.focus();
  };
  pop.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  });
  pop.append(...build(() => close()));
  container.append(pop);
  if (typeof pop.showPopover === 'function') {
    pop.popover = 'auto';
    // The opener is the invoker: clicking it does not count as a click outside.
    opener.popoverTargetElement = pop;
    pop.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'closed') close(false);
    });
    pop.showPopover();
    pop.classList.add('top');
    follow();
    addEventListener('scroll', follow, { capture: true, passive: true });
    addEventListener('resize', follow);
  }
  pop.querySelector<HTMLElement>('input, button')?.focus();
  return () => close();
}
