import type { Page, Worker } from 'playwright-core';
import type { TestPage } from './test-browser';

/**
 * One value of the extension's own storage (IndexedDB `timecamp`, store `state`: see
 * lib/storage/trusted.ts), read inside an extension page or the service worker, where the
 * extension's origin can open it. Tests and the bench read it here; pages never can.
 */
export function trustedValue<T>(context: Page | Worker | TestPage, key: string): Promise<T | undefined> {
  const evaluate = context.evaluate.bind(context) as TestPage['evaluate'];
  return evaluate(
    (k: string) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('timecamp');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('state')) return resolve(undefined);
          const read = db.transaction('state', 'readonly').objectStore('state').get(k);
          read.onsuccess = () => resolve(read.result as T | undefined);
          read.onerror = () => reject(read.error);
        };
      }),
    key,
  );
}

/**
 * Writes one value of the extension's own storage from an extension page, and tells the other
 * views and the background on the channel they listen to (lib/storage/trusted.ts), as the
 * extension's own writes do. For state only the browser makes (an idle period, say).
 */
export function setTrustedValue(page: TestPage, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('timecamp');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const write = open.result.transaction('state', 'readwrite');
          write.objectStore('state').put(value, key);
          write.oncomplete = () => {
            new BroadcastChannel('timecamp-state').postMessage([{ key, value }]);
            resolve();
          };
          write.onerror = () => reject(write.error);
        };
      }),
    { key, value },
  );
}
