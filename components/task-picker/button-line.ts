import type { FrameSignal, SessionSignal } from '@/components/in-page/frame-signals';

/** Marked on the frame's timeline when the session, or its token, arrives (`npm run bench` splits the picker's time there). */
export const SESSION_MARK = 'timecamp-picker-session';

export interface LineToButton {
  /** Says something to the button; what is said before the port arrives waits for it. */
  post(signal: FrameSignal): void;
  /** When the button shows the frame, for its press. */
  shown: Promise<void>;
  /** The token of the press's session, when the button has one (components/in-page/picker-frame.ts). */
  token: Promise<string>;
}

/**
 * The picker frame's one line to the button that opened it: the port the button's content script
 * posts to this frame once it has loaded (components/in-page/picker-frame.ts). Nothing but that
 * script holds this frame's window (the frame never posts to the page, whose script would get the
 * window from such a message), so the first port from the parent is the button's. The button
 * says on it when it shows the frame, with a session token unless the background sent the
 * session to the frame itself (components/task-picker/background-line.ts).
 */
export function lineToButton(): LineToButton {
  let port: MessagePort | null = null;
  const waiting: FrameSignal[] = [];
  let show: () => void = () => undefined;
  const shown = new Promise<void>((resolve) => (show = resolve));
  let handOver: (token: string) => void = () => undefined;
  const token = new Promise<string>((resolve) => (handOver = resolve));
  const take = (event: MessageEvent) => {
    const [given] = event.ports;
    if (event.source !== parent || !given) return;
    removeEventListener('message', take);
    port = given;
    port.onmessage = ({ data }: MessageEvent<Partial<SessionSignal> | null>) => {
      if (data?.type !== 'shown') return;
      show();
      if (typeof data.token !== 'string') return;
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
    shown,
    token,
  };
}
