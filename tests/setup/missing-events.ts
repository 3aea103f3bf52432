import { fakeBrowser } from 'wxt/testing/fake-browser';

// Events the fake browser lacks (its stubs throw), given in-memory versions: `runtime.onConnect`,
// where the background hears the lines the in-page picker's frames open
// (lib/integrations/picker-sessions.ts), and `permissions.onAdded`/`onRemoved`, which the
// background's script registration and the options page's tracker switches follow. Tests fire
// them with `trigger(...)`; `fakeBrowser.reset()` empties them like the rest.

type Listener = (...args: never[]) => unknown;

function inMemoryEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => {
      const at = listeners.indexOf(listener);
      if (at >= 0) listeners.splice(at, 1);
    },
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: unknown[]) => Promise.all(listeners.map((listener) => (listener as (...given: unknown[]) => unknown)(...args))),
    clear: () => void (listeners.length = 0),
  };
}

/** Puts `events` on `api` and empties them whenever the fake browser is reset. */
function install(api: object, events: Record<string, ReturnType<typeof inMemoryEvent>>) {
  const target = api as Record<string, unknown> & { resetState?: () => void };
  Object.assign(target, events);
  const reset = target.resetState?.bind(target);
  target.resetState = () => {
    reset?.();
    for (const event of Object.values(events)) event.clear();
  };
}

install(fakeBrowser.runtime, { onConnect: inMemoryEvent() });
install(fakeBrowser.permissions, { onAdded: inMemoryEvent(), onRemoved: inMemoryEvent() });
