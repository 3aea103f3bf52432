import { t } from '@/lib/i18n';
import { h, trusted } from './dom';
import { buildNearScreen } from './near-screen';
import { createPickerFrame, type PickerFrame } from './picker-frame';
import { openPopover, preparePopover, type PopoverOptions, type PreparedPopover } from './popover';
import { STYLES } from './styles';

export interface ButtonState {
  /** This timer runs. */
  running: boolean;
  /** A start or stop is on its way. */
  busy: boolean;
  /** Time already tracked on the issue; shown when above zero. */
  trackedSeconds: number;
  /** The issue is a calendar event that is over: "Add as entry" shows beside the button. */
  canAddEntry?: boolean;
}

export interface TimerButtonView {
  /** `<timecamp-button data-integration data-external-id>`, the element that goes into the page. */
  host: HTMLElement;
  render(state: ButtonState): void;
  /**
   * Loads the task picker out of sight, ready for a press: the extension's picker page at `url`,
   * in a frame by the button, heard from `origin`. One page keeps one such frame: readying
   * another button's drops it.
   */
  readyPicker(page: PickerPage): void;
  /** The id of the readied picker frame's line to the background, once it said it (see `PickerFrame.id`). */
  pickerId(): string | undefined;
  /** Shows the task picker (readied now if it was not) with the press's session token, or none when the frame has the session. */
  openPicker(page: PickerPage, session: string | null): void;
  /** Drops the picker readied for a press that turned out not to need it. */
  dropPicker(): void;
  showNotice(text: string): void;
  /** Closes the open popover; false when none was open. */
  closePopover(): boolean;
  /** The button left the page for good. */
  destroy(): void;
}

export interface PickerPage {
  url: string;
  origin: string;
}

/** How long the pointer rests on a button before its picker is readied: not for every card it crosses. */
const REST_MS = 50;

let sharedSheet: CSSStyleSheet | null | undefined;
/** The picker readied on this page, by whichever button: at most one frame loads out of sight. */
let readied: { drop(): void } | null = null;
let template: HTMLSpanElement | undefined;
const stopAtShadow = (event: Event) => event.stopPropagation();

/**
 * The host's own style, `!important` so that no page stylesheet's `!important` wins over it: an
 * element's style attribute outranks every stylesheet of the page. `all: initial` undoes whatever
 * the page sets on `timecamp-button` (hidden, zero-sized, transparent, moved off screen, made an
 * overlay); the one thing taken from the page is its typeface and text size, so the button reads
 * as the tracker's own (the shadow stylesheet keeps the size between 12 and 14 px).
 */
const HOST_STYLE = 'all:initial!important;font-family:inherit!important;font-size:inherit!important';

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
 * The in-page button: a host element with a shadow root holding a `button` named `Start timer`
 * or `Stop timer` (`aria-pressed` while this timer runs), the time tracked on the issue,
 * and its popovers. The root stays open: the end-to-end tests and assistive tools find the button
 * through it, and nothing in it is secret (the task picker is a frame of the extension's origin,
 * under a closed root of its own). Styles live in the shadow root, where page selectors cannot
 * reach. Events stop at the shadow root, so the site's own shortcuts and click handlers never see
 * typing or clicks meant for us. `onPress` runs for the user's own clicks only.
 */
export function createTimerButton(
  integration: string,
  externalId: string,
  onPress: () => void,
  onApproach: () => void = () => undefined,
  onAddEntry: () => void = () => undefined,
): TimerButtonView {
  const host = document.createElement('timecamp-button');
  host.dataset.integration = integration;
  host.dataset.externalId = externalId;
  // The pointer resting on the button, or the focus reaching it, comes before a press: the picker
  // can load meanwhile (a frame takes longer than the press's answer from the background).
  // The focus a closing popover gives back is no approach.
  let resting: ReturnType<typeof setTimeout> | undefined;
  let givenBack = false;
  const focusGivenBack = () => {
    givenBack = true;
    queueMicrotask(() => (givenBack = false));
  };

  // What the shadow root holds, built when the button comes near the screen (see near-screen.ts)
  // or must show something: `build()` first, then these are set.
  let wrap: HTMLSpanElement | undefined;
  let button!: HTMLButtonElement;
  let label!: HTMLSpanElement;
  let tracked!: HTMLSpanElement;
  let shown: ButtonState | undefined;
  const build = () => {
    if (wrap) return;
    // Cloned from one prepared copy: a board of a thousand cards builds a thousand of these.
    template ??= h('span', { class: 'w' }, h('button', { type: 'button', class: 'b', 'aria-pressed': 'false' }, h('span', {}, t('popup_startTimer'))), h('span', { class: 't', id: 'tc-tracked', hidden: true }));
    wrap = template.cloneNode(true) as HTMLSpanElement;
    button = wrap.firstElementChild as HTMLButtonElement;
    label = button.firstElementChild as HTMLSpanElement;
    tracked = wrap.lastElementChild as HTMLSpanElement;
    for (const type of ['click', 'keydown', 'keyup', 'keypress']) wrap.addEventListener(type, stopAtShadow);
    button.addEventListener('click', (event) => {
      event.preventDefault(); // the popover invoker must not toggle on its own
      trusted(onPress)(event);
    });
    button.addEventListener('pointerenter', () => (resting = setTimeout(onApproach, REST_MS)));
    button.addEventListener('pointerleave', () => clearTimeout(resting));
    button.addEventListener('focus', () => givenBack || onApproach());
    // Set with the inside it guards: an empty host shows nothing, and `all` costs a thousand hosts' style dearly.
    host.style.cssText = HOST_STYLE;
    const root = host.attachShadow({ mode: 'open' });
    styleShadow(root);
    root.append(wrap);
    if (shown) draw(shown);
  };

  let closeOpen: (() => void) | undefined;
  const show = (options: Omit<PopoverOptions, 'onClosed'>) => {
    build();
    closeOpen?.();
    closeOpen = openPopover(wrap!, button, {
      ...options,
      onClosed: () => {
        closeOpen = undefined;
        focusGivenBack();
      },
    });
  };

  let picker: { popover: PreparedPopover; frame: PickerFrame } | null = null;
  const drop = () => picker?.popover.close();
  const readyPicker = ({ url, origin }: PickerPage) => {
    if (picker) return;
    if (readied?.drop !== drop) readied?.drop();
    readied = { drop };
    build();
    const frame = createPickerFrame(url, origin, t('page_pickerFrameTitle'));
    const popover = preparePopover(wrap!, button, {
      label: t('picker_title'),
      className: 'f',
      build: (popover) => [frame.attach(popover)],
      place: frame.place,
      onClosed: () => {
        picker = null;
        if (readied?.drop === drop) readied = null;
        if (closeOpen === popover.close) closeOpen = undefined;
        focusGivenBack();
      },
    });
    picker = { popover, frame };
  };

  // Made for calendar events only, the first time one is over: most buttons never need it.
  let addEntry: HTMLButtonElement | undefined;
  const addEntryButton = () => {
    if (addEntry) return addEntry;
    addEntry = h('button', { type: 'button', class: 'b e' }, t('page_addAsEntry')) as HTMLButtonElement;
    addEntry.addEventListener('click', (event) => {
      event.preventDefault();
      trusted(onAddEntry)(event);
    });
    addEntry.addEventListener('pointerenter', () => (resting = setTimeout(onApproach, REST_MS)));
    addEntry.addEventListener('pointerleave', () => clearTimeout(resting));
    build();
    button.after(addEntry);
    return addEntry;
  };

  function draw({ running, busy, trackedSeconds, canAddEntry = false }: ButtonState): void {
    if (canAddEntry || addEntry) {
      const extra = addEntryButton();
      extra.hidden = !canAddEntry;
      extra.disabled = busy;
    }
    label.textContent = t(running ? 'popup_stopTimer' : 'popup_startTimer');
    button.setAttribute('aria-pressed', String(running));
    if (busy) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
    const time = trackedSeconds > 0 ? formatTracked(trackedSeconds) : '';
    tracked.hidden = !time;
    tracked.textContent = time;
    tracked.title = time && t('page_tracked', time);
    if (time) button.setAttribute('aria-describedby', 'tc-tracked');
    else button.removeAttribute('aria-describedby');
  }

  const forget = buildNearScreen(host, build);
  return {
    host,
    render(state) {
      shown = state;
      if (wrap) draw(state);
    },
    readyPicker,
    pickerId: () => picker?.frame.id(),
    openPicker(page, session) {
      readyPicker(page);
      const { popover, frame } = picker!;
      closeOpen?.();
      closeOpen = popover.close;
      popover.show();
      frame.open(session);
    },
    dropPicker: drop,
    showNotice: (text) =>
      show({
        label: 'TimeCamp',
        build: ({ close }) => [h('p', {}, text), h('div', { class: 'r' }, h('button', { type: 'button', onclick: close }, t('picker_close')))],
      }),
    closePopover() {
      if (!closeOpen) return false;
      closeOpen();
      return true;
    },
    destroy: forget,
  };
}
