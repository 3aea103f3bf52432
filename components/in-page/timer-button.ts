import { h, trusted } from './dom';
import { openPopover } from './popover';
import { STYLES } from './styles';
import { taskPicker, type PickerOptions } from './task-picker';

export interface ButtonState {
  /** This timer runs. */
  running: boolean;
  /** A start or stop is on its way. */
  busy: boolean;
  /** Time already tracked on the issue; shown when above zero. */
  trackedSeconds: number;
}

export interface TimerButtonView {
  /** `<timecamp-button data-integration data-external-id>`, the element that goes into the page. */
  host: HTMLElement;
  render(state: ButtonState): void;
  openPicker(heading: string, options: PickerOptions): void;
  showNotice(text: string): void;
  /** Closes the open popover; false when none was open. */
  closePopover(): boolean;
}

let sharedSheet: CSSStyleSheet | null | undefined;
let template: HTMLSpanElement | undefined;
const stopAtShadow = (event: Event) => event.stopPropagation();

/**
 * Puts the button's styles into its shadow root: one stylesheet parsed once and adopted by every
 * button (a board of a thousand cards would otherwise parse it a thousand times), or a `<style>`
 * where a content script may not adopt a sheet into the page.
 */
function styleShadow(root: ShadowRoot): void {
  try {
    if (sharedSheet === undefined) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLES);
    }
    if (!sharedSheet) throw new Error('no constructable stylesheets');
    root.adoptedStyleSheets = [sharedSheet];
  } catch {
    sharedSheet ??= null;
    root.append(h('style', {}, STYLES));
  }
}

/** `1:25` for an hour and 25 minutes (minutes rounded down). */
export function formatTracked(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The in-page button: a host element with an open shadow root holding a `button` named
 * `Start timer` or `Stop timer` (`aria-pressed` while this timer runs), the time tracked
 * on the issue, and its popovers. Styles live in the shadow root; `all: initial` on the host keeps
 * the page's out. Events stop at the shadow root, so the site's own shortcuts and click handlers
 * never see typing or clicks meant for us. `onPress` runs for the user's own clicks only.
 */
export function createTimerButton(integration: string, externalId: string, onPress: () => void): TimerButtonView {
  const host = document.createElement('timecamp-button');
  host.dataset.integration = integration;
  host.dataset.externalId = externalId;
  // The one thing taken from the page: its typeface and text size, so the button reads as the
  // tracker's own (the shadow stylesheet keeps the size between 12 and 14 px).
  host.style.cssText = 'all: initial; font-family: inherit; font-size: inherit';
  // Cloned from one prepared copy: a board of a thousand cards builds a thousand of these.
  template ??= h('span', { class: 'w' }, h('button', { type: 'button', class: 'b', 'aria-pressed': 'false' }, h('span', {}, 'Start timer')), h('span', { class: 't', id: 'tc-tracked', hidden: true }));
  const wrap = template.cloneNode(true) as HTMLSpanElement;
  const button = wrap.firstElementChild as HTMLButtonElement;
  const label = button.firstElementChild as HTMLSpanElement;
  const tracked = wrap.lastElementChild as HTMLSpanElement;
  for (const type of ['click', 'keydown', 'keyup', 'keypress']) wrap.addEventListener(type, stopAtShadow);
  button.addEventListener('click', (event) => {
    event.preventDefault(); // the popover invoker must not toggle on its own
    trusted(onPress)(event);
  });
  const root = host.attachShadow({ mode: 'open' });
  styleShadow(root);
  root.append(wrap);

  let closeOpen: (() => void) | undefined;
  const show = (label: string, build: (close: () => void) => Node[]) => {
    closeOpen?.();
    closeOpen = openPopover(wrap, button, label, build, () => (closeOpen = undefined));
  };

  return {
    host,
    render({ running, busy, trackedSeconds }) {
      label.textContent = running ? 'Stop timer' : 'Start timer';
      button.setAttribute('aria-pressed', String(running));
      if (busy) button.setAttribute('aria-busy', 'true');
      else button.removeAttribute('aria-busy');
      const time = trackedSeconds > 0 ? formatTracked(trackedSeconds) : '';
      tracked.hidden = !time;
      tracked.textContent = time;
      tracked.title = time && `${time} tracked on this issue`;
      if (time) button.setAttribute('aria-describedby', 'tc-tracked');
      else button.removeAttribute('aria-describedby');
    },
    openPicker: (heading, options) => show('Start a TimeCamp timer', (close) => taskPicker(heading, options, close)),
    showNotice: (text) =>
      show('TimeCamp', (close) => [h('p', {}, text), h('div', { class: 'r' }, h('button', { type: 'button', onclick: close }, 'Close'))]),
    closePopover() {
      if (!closeOpen) return false;
      closeOpen();
      return true;
    },
  };
}
