import { fakeBrowser } from 'wxt/testing/fake-browser';

// The fake browser has no `runtime.onConnect` (its stub throws). The background listens on it
// for the lines the in-page picker's frames open (lib/integrations/picker-sessions.ts), so every
// test that registers the background's handlers needs one: an in-memory event that tests can
// fire with `trigger(port)`, emptied by `fakeBrowser.reset()` like the rest.
type Listener = (port: unknown) => void;
const listeners: Listener[] = [];
const onConnect = {
  addListener: (listener: Listener) => void listeners.push(listener),
  removeListener: (listener: Listener) => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  },
  hasListener: (listener: Listener) => listeners.includes(listener),
  hasListeners: () => listeners.length > 0,
  trigger: (port: unknown) => listeners.forEach((listener) => listener(port)),
};
const runtime = fakeBrowser.runtime as unknown as { onConnect: typeof onConnect; resetState?: () => void };
runtime.onConnect = onConnect;
const resetRuntime = runtime.resetState?.bind(runtime);
runtime.resetState = () => {
  resetRuntime?.();
  listeners.length = 0;
};
