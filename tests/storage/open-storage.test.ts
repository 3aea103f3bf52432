import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// public/open-storage.js runs in the popup ahead of its module, to open the database early. It must
// never get in the way of the module: not make an empty database its store would be missing from,
// and not keep a connection open.
const openStorage = new Function(readFileSync(new URL('../../public/open-storage.js', import.meta.url), 'utf8'));
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Opens `timecamp` at `version`, failing if another connection holds it open. */
function openAt(version: number, upgrade?: (database: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('timecamp', version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('another connection was left open'));
  });
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the popup opening its database early', () => {
  it('leaves a database not made yet unmade, so the popup makes it with its store', async () => {
    openStorage();
    await settled();

    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain('timecamp');
    const store = createStore('timecamp', 'state');
    await set('account', { email: 'ann@example.com' }, store);
    expect(await get('account', store)).toEqual({ email: 'ann@example.com' });
  });

  it('opens an existing database and lets it go, its store and values untouched', async () => {
    const made = await openAt(1, (database) => database.createObjectStore('state').put('running', 'timer'));
    made.close();

    openStorage();
    await settled();

    const later = await openAt(2);
    const value = await new Promise((resolve) => {
      const read = later.transaction('state').objectStore('state').get('timer');
      read.onsuccess = () => resolve(read.result);
    });
    later.close();
    expect(value).toBe('running');
  });
});
