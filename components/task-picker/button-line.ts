import type { FrameSignal } from '@/components/in-page/frame-signals';

/**
 * The picker frame's one line to the button that opened it: the port the button's content script
 * posts to this frame once it has loaded (components/in-page/picker-frame.ts). Nothing but that
 * script holds this frame's window (the frame never posts to the page, whose script would get the
 * window from such a message), so the first port from the parent is the button's. Signals sent
 * before it arrives wait for it.
 */
export function lineToButton(): (signal: FrameSignal) => void {
  let port: MessagePort | null = null;
  const waiting: FrameSignal[] = [];
  const take = (event: MessageEvent) => {
    const [given] = event.ports;
    if (event.source !== parent || !given) return;
    removeEventListener('message', take);
    port = given;
    for (const signal of waiting.splice(0)) port.postMessage(signal);
  };
  addEventListener('message', take);
  return (signal) => {
    if (port) port.postMessage(signal);
    else waiting.push(signal);
  };
}
