/**
 * The few `chrome.*` calls the tests run inside the browser. Node has no
 * `chrome` global, so callbacks passed to `evaluate` cast `globalThis` to this
 * type; the cast is erased and the code runs against the real API.
 */
export interface ChromeGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
    tabs: { get(tabId: number): Promise<{ id?: number; url?: string }> };
  };
}
