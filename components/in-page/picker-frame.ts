import { h } from './dom';
import { asFrameSignal, type SessionSignal } from './frame-signals';
import type { Popover } from './popover';

/** Until the frame says how tall its content is. */
const FIRST_HEIGHT = 320;
const WIDTH = 360;
/** Between the button and the frame, and between the frame and the window's edges. */
const GAP = 4;
const MARGIN = 8;

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * Where the picker frame goes: under the button, or above it when there is not room enough
 * below and more above; never taller than that room or wider than the window, so its Note and
 * Start are always in view (the frame fits its list to the height it gets).
 */
export function frameBox(button: Pick<DOMRect, 'top' | 'bottom' | 'left'>, wanted: number, view: { width: number; height: number }): Box {
  const below = view.height - button.bottom - GAP - MARGIN;
  const above = button.top - GAP - MARGIN;
  const under = below >= wanted || below >= above;
  const height = Math.max(0, Math.min(wanted, under ? below : above));
  const width = Math.max(0, Math.min(WIDTH, view.width - 2 * MARGIN));
  return {
    top: under ? button.bottom + GAP : button.top - GAP - height,
    left: Math.max(MARGIN, Math.min(button.left, view.width - width - MARGIN)),
    width,
    height,
  };
}

export interface PickerFrame {
  /** The frame's holder, for the popover's content; the frame's own messages close the popover. */
  attach(popover: Popover): Node;
  /** Places the popover by the button, sized to what the frame asked for. */
  place(element: HTMLElement, button: DOMRect): void;
  /** The id the frame gave its line to the background, once it said it: a press names it. */
  id(): string | undefined;
  /** Tells the frame it shows, with the press's session token unless the background sent the session to the frame itself; gives it the focus. */
  open(token: string | null): void;
}

/**
 * The task picker of a press: the extension's picker page at `url` in an iframe, inside a closed
 * shadow root, so the page's script can reach neither the frame's document (another origin) nor
 * the element (its address, its styles). It may be made before the press, while the pointer
 * rests on the button, and load out of sight. It opens its own line to the background and tells
 * this script the line's id, which the press sends along: the background then sends the session
 * down that line; a press before that hands the frame a token it redeems with the background.
 * Beyond that id, all the frame tells this page is its height and when it is done, over a port
 * this script hands it once it has loaded. Not by posting
 * to the page's window: the page would hear that too and get the frame's window from it
 * (`event.source`), enough to navigate the frame elsewhere. As it is, the page holds no handle on
 * the frame at all (a frame in a shadow tree is not among `window.frames` either).
 */
export function createPickerFrame(url: string, origin: string, title: string): PickerFrame {
  let wanted = FIRST_HEIGHT;
  const line = new MessageChannel();
  const frame = h('iframe', { src: url, title });
  let loaded = false;
  let opened = false;
  let id: string | undefined;
  return {
    attach(popover) {
      const holder = h('span', { class: 'fh' });
      frame.style.cssText = 'display:block;width:100%;height:100%;margin:0;padding:0;border:0';
      holder.attachShadow({ mode: 'closed' }).append(frame);
      line.port1.onmessage = (event) => {
        const heard = asFrameSignal(event.data);
        if (heard?.type === 'ready') id = heard.id;
        else if (heard?.type === 'size') {
          wanted = heard.height;
          popover.follow();
        } else if (heard) popover.close();
      };
      popover.signal.addEventListener('abort', () => line.port1.close());
      frame.addEventListener(
        'load',
        () => {
          loaded = true;
          // Delivered only if the frame still shows our page (`origin`), which takes the port once.
          frame.contentWindow?.postMessage('timecamp-picker', origin, [line.port2]);
          if (opened) frame.focus();
        },
        { once: true, signal: popover.signal },
      );
      return holder;
    },
    place(element, button) {
      // The frame asked for its content's height; the popover's border comes on top.
      const edges = element.offsetHeight - element.clientHeight;
      const box = frameBox(button, wanted + edges, { width: innerWidth, height: innerHeight });
      for (const side of ['top', 'left', 'width', 'height'] as const) element.style[side] = `${box[side]}px`;
    },
    id: () => id,
    open(token) {
      if (opened) return;
      opened = true;
      // Waits in the channel until the frame has taken its end.
      line.port1.postMessage((token === null ? { type: 'shown' } : { type: 'shown', token }) satisfies SessionSignal);
      if (loaded) frame.focus();
    },
  };
}
