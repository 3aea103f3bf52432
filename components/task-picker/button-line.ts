import type { FrameSignal, SessionSignal } from '@/components/in-page/frame-signals';

/** Marked on the frame's timeline when the session arrives (`npm run bench` splits the picker's time there). */
export const SESSION_MARK = 'timecamp-picker-session';

export interface LineToButton {
  /** Says something to the button; what is said before the port arrives waits for it. */
  post(signal: FrameSignal): void;
  /** The session the button hands over for its press (components/in-page/picker-frame.ts). */
  session: Promise<string>;
}

/**
 * The picker frame's one line to the button that opened it: the port the button's content script
 * posts to this frame once it has loaded (components/in-page/picker-frame.ts). Nothing but that
 * script holds this frame's window (the frame never posts to the page, whose script would get the
 * window from such a message), so the first port from the parent is the button's. The button
 * sends the session token on it when the user pressed; the frame may be loaded well before that.
 */
export function lineToButton(): LineToButton {
  let port: MessagePort | null = null;
  const waiting: FrameSignal[] = [];
  let handOver: (token: string) => void = () => undefined;
  const session = new Promise<string>((resolve) => (handOver = resolve));
  const take = (event: MessageEvent) => {
    const [given] = event.ports;
    if (event.source !== parent || !given) return;
    removeEventListener('message', take);
    port = given;
    port.onmessage = ({ data }: MessageEvent<Partial<SessionSignal> | null>) => {
      if (data?.type !== 'session' || typeof data.token !== 'string') return;
      performance.mark(SESSION_MARK);
      handOver(data.token);
    };
    for (const signal of waiting.splice(0)) port.postMessage(signal);
  };
  addEventListener('message', take);
  return {
    post(signal) {
      if (port) port.postMessage(signal);
      else waiting.push(signal);
    },
    session,
  };
}
