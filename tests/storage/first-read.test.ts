import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAINT_ITEMS } from '@/components/popup/use-popup-state';

// public/first-read.js runs in the popup ahead of its module, to read what the first paint shows
// while the module loads. It must never get in the way of the module: not make an empty database
// its store would be missing from, not keep a connection open, and not let the popup show a value
// that another context changed meanwhile.
const script = new Function('document', readFileSync(new URL('../../public/first-read.js', import.meta.url), 'utf8'));
/** Runs the script as the popup's page does, its `data-keys` naming the items its first paint reads. */
const openStorage = (keys = 'account timer') => script({ currentScript: { dataset: { keys } } });
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
const popupPage = readFileSync(new URL('../../entrypoints/popup/index.html', import.meta.url), 'utf8');

/** The store as the extension makes it, holding `values`. */
async function stored(values: Record<string, unknown>): Promise<void> {
  const made = await openAt(1, (database) => {
    const store = database.createObjectStore('state');
    for (const [key, value] of Object.entries(values)) store.put(value, key);
  });
  made.close();
}

/** Another extension context's write: the database, then the channel (lib/storage/trusted.ts). */
async function writtenElsewhere(key: string, value: unknown): Promise<void> {
  await set(key, value, createStore('timecamp', 'state'));
  const elsewhere = new BroadcastChannel('timecamp-state');
  elsewhere.postMessage([{ key, value }]);
  elsewhere.close();
}

/** The trusted-storage module as the popup's script loads it, after the early script ran. */
async function loadedModule() {
  vi.resetModules();
  return import('@/lib/storage/trusted');
}

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
  const early = (globalThis as { timecampEarlyRead?: { channel: BroadcastChannel } }).timecampEarlyRead;
  early?.channel.close();
  delete (globalThis as { timecampEarlyRead?: unknown }).timecampEarlyRead;
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

describe("the popup's first read, made before its module loads", () => {
  it('is what the first paint shows, without a second read', async () => {
    await stored({ account: { email: 'ann@example.com' }, timer: 'running' });
    openStorage();
    await settled();
    // Written behind everyone's back: only a second read of the database would find it.
    await set('timer', 'unannounced', createStore('timecamp', 'state'));
    const { defineTrustedItem, readTrustedItems } = await loadedModule();
    const account = defineTrustedItem<{ email: string } | null>('account', { fallback: null });
    const timer = defineTrustedItem<string | null>('timer', { fallback: null });

    expect(await readTrustedItems({ account, timer })).toEqual({ account: { email: 'ann@example.com' }, timer: 'running' });
    expect(await readTrustedItems({ timer })).toEqual({ timer: 'unannounced' });
  });

  it('gives way to a change another context made while the module loaded', async () => {
    await stored({ timer: 'running' });
    openStorage();
    await settled();
    await writtenElsewhere('timer', 'stopped');
    await settled();
    const { defineTrustedItem, readTrustedItems } = await loadedModule();
    const timer = defineTrustedItem<string | null>('timer', { fallback: null });
    const seen: Array<string | null> = [];
    timer.watch((value) => seen.push(value));

    expect(await readTrustedItems({ timer })).toEqual({ timer: 'stopped' });
    await writtenElsewhere('timer', 'running again');
    await settled();
    expect(seen).toEqual(['running again']);
  });

  it('reads in the module what it did not read early, and fallbacks where there is no database yet', async () => {
    openStorage();
    await settled();
    const { defineTrustedItem, readTrustedItems } = await loadedModule();
    const timer = defineTrustedItem<string | null>('timer', { fallback: null });
    const recent = defineTrustedItem<number[]>('recentTasks', { fallback: [] });

    expect(await readTrustedItems({ timer, recent })).toEqual({ timer: null, recent: [] });
  });

  it("names in the popup's page every item the popup's first paint reads", () => {
    const keys = /data-keys="([^"]+)"/.exec(popupPage)?.[1]?.split(' ');

    expect(keys?.toSorted()).toEqual(Object.values(FIRST_PAINT_ITEMS).map((item) => item.key).toSorted());
  });
});

