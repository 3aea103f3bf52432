import type { Worker } from 'playwright-core';
import type { ChromeGlobals } from './chrome-globals';

/** One key of the extension's `storage.session`, read inside its service worker (the only reader that needs no page). */
export function readSessionStorage(serviceWorker: Worker, key: string): Promise<unknown> {
  return serviceWorker.evaluate(async (key) => {
    const { chrome } = globalThis as unknown as ChromeGlobals;
    return (await chrome.storage.session.get(key))[key];
  }, key);
}
