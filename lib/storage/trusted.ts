import { clear, createStore, delMany, get, getMany, setMany, type UseStore } from 'idb-keyval';

// What the background trusts, and what must not leak to the pages the
// extension runs on (the token, the account, the queue, the task tree, the
// day's entries), lives in IndexedDB on the extension's own origin. Content
// scripts run in the page's origin: they cannot open this database, while
// `storage.local` is theirs to read and write. The background, the popup and
// the options page share it, and hear each other's changes through a
// BroadcastChannel of the same origin (IndexedDB has no change events).

const DATABASE = 'timecamp';
const STORE = 'state';
const CHANNEL = 'timecamp-state';

type Listener = (newValue: unknown, oldValue: unknown) => void;

let store: UseStore | undefined;
/** Every read and write waits for this: a one-time move of older data must land first. */
let gate: Promise<unknown> = Promise.resolve();
let channel: BroadcastChannel | undefined;
const listeners = new Map<string, Set<Listener>>();
/** The last value this context saw of each key: what a change event calls the old value. */
const lastSeen = new Map<string, unknown>();

function database(): UseStore {
  store ??= createStore(DATABASE, STORE);
  return store;
}

/** How many changes this context heard of each key: a read that a change overtook keeps the change. */
const changes = new Map<string, number>();

function notify(key: string, value: unknown): void {
  const old = lastSeen.get(key);
  lastSeen.set(key, value);
  changes.set(key, (changes.get(key) ?? 0) + 1);
  for (const listener of listeners.get(key) ?? []) listener(value, old);
}

type Change = { key: string; value: unknown }[];

/**
 * A read public/first-read.js started before this module loaded, with the channel it opened
 * before that read and the changes the channel heard since. Used once, by the first read of those
 * keys.
 */
interface EarlyRead {
  keys: string[];
  channel: BroadcastChannel;
  heard: Change[];
  /** The values by key, or null when the read could not be made (no database yet). */
  values: Promise<Map<string, unknown> | null>;
}

let early = (globalThis as { timecampEarlyRead?: EarlyRead }).timecampEarlyRead;

function broadcast(): BroadcastChannel {
  if (!channel) {
    // The early read's channel, when there is one: it has heard every change since before that read.
    channel = early?.channel ?? new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<Change>) => {
      for (const { key, value } of event.data) notify(key, value);
    };
    for (const change of early?.heard.splice(0) ?? []) for (const { key, value } of change) notify(key, value);
  }
  return channel;
}

/** The early read's values for `keys`, when it read them all and has not been used. */
async function takeEarlyRead(keys: string[]): Promise<unknown[] | null> {
  if (!early || !keys.every((key) => early!.keys.includes(key))) return null;
  const { values } = early;
  early = undefined;
  const read = await values;
  return read && keys.map((key) => read.get(key));
}

/** A typed value in extension-only storage, shaped like a `@wxt-dev/storage` item. */
export interface TrustedItem<T> {
  readonly key: string;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Called after every change, made here or in another extension context. */
  watch(callback: (newValue: T, oldValue: T) => void): () => void;
}

export interface TrustedWrite<T = unknown> {
  item: TrustedItem<T>;
  value: T;
}

/**
 * Writes several items in one IndexedDB transaction: all of them or none
 * (the queue and the running timer must never disagree). Rejects when the
 * browser refuses the write (out of space): the caller keeps what it carried.
 */
export async function setTrustedItems(writes: readonly TrustedWrite<any>[]): Promise<void> {
  await gate;
  await writeTrusted(writes);
}

async function writeTrusted(writes: readonly TrustedWrite<any>[]): Promise<void> {
  if (writes.length === 0) return;
  await setMany(
    writes.map(({ item, value }) => [item.key, value]),
    database(),
  );
  const written = writes.map(({ item, value }) => ({ key: item.key, value }));
  broadcast().postMessage(written);
  for (const { key, value } of written) notify(key, value);
}

/** Removes items in one transaction; watchers hear their fallbacks. */
export async function removeTrustedItems(items: readonly TrustedItem<any>[]): Promise<void> {
  await gate;
  if (items.length === 0) return;
  await delMany(
    items.map((item) => item.key),
    database(),
  );
  const removed = items.map((item) => ({ key: item.key, value: undefined }));
  broadcast().postMessage(removed);
  for (const { key } of removed) notify(key, undefined);
}

/** Forgets every trusted value (tests start each case from nothing, as a new profile does). */
export async function clearTrustedStorage(): Promise<void> {
  await gate;
  await clear(database());
  lastSeen.clear();
}

async function readTrusted(key: string): Promise<unknown> {
  const heard = changes.get(key);
  const value = await get(key, database());
  if (changes.get(key) === heard) lastSeen.set(key, value);
  return value;
}

/** The value types of a record of items. */
export type TrustedValues<T extends Record<string, TrustedItem<any>>> = { [K in keyof T]: T[K] extends TrustedItem<infer V> ? V : never };

/**
 * Several items' values read in one IndexedDB transaction: a view's first paint waits for one
 * round trip instead of one per item. A change heard while the read was under way wins over it.
 */
export async function readTrustedItems<T extends Record<string, TrustedItem<any>>>(items: T): Promise<TrustedValues<T>> {
  await gate;
  const entries = Object.entries(items);
  const keys = entries.map(([, item]) => item.key);
  // A change heard since the read began wins over it. The early read began before this context
  // could hear anything but its channel heard it all: any change heard at all wins over that one.
  const heard = keys.map((key) => changes.get(key));
  broadcast();
  const earlyValues = await takeEarlyRead(keys);
  const values = earlyValues ?? (await getMany(keys, database()));
  const read = entries.map(([name, item], i) => {
    const overtaken = earlyValues ? changes.has(item.key) : changes.get(item.key) !== heard[i];
    const current = overtaken ? lastSeen.get(item.key) : values[i];
    lastSeen.set(item.key, current);
    return [name, current === undefined || current === null ? item.fallback : current];
  });
  return Object.fromEntries(read) as TrustedValues<T>;
}

/** Reads and writes that do not wait for the gate: for the work that holds it. */
export interface UngatedAccess {
  read(item: TrustedItem<unknown>): Promise<unknown>;
  write(writes: readonly TrustedWrite<any>[]): Promise<void>;
}

/**
 * Holds every read and write of trusted storage in this context until `work`
 * is done: the background moves an earlier version's data in before anything
 * reads it, so no click made meanwhile is written over it or lost.
 */
export function holdTrustedStorageFor(work: (access: UngatedAccess) => Promise<void>): Promise<void> {
  const done = work({ read: (item) => readTrusted(item.key), write: writeTrusted });
  gate = done.catch(() => undefined);
  return done;
}

export interface TrustedItemOptions<T> {
  fallback: T;
  /**
   * Answer reads from the last value this context saw (read, written, or heard from another
   * context) instead of IndexedDB. For large values read often, such as the task tree on every
   * button press and keystroke, whose structured clone out of the database costs tens of
   * milliseconds. Readers share that one object: they must never change it.
   */
  mirrored?: boolean;
}

export function defineTrustedItem<T>(key: string, { fallback, mirrored = false }: TrustedItemOptions<T>): TrustedItem<T> {
  const orFallback = (value: unknown) => (value === undefined || value === null ? fallback : (value as T));
  const item: TrustedItem<T> = {
    key,
    fallback,
    async getValue() {
      await gate;
      if (mirrored) {
        broadcast(); // changes made in other contexts must reach the mirror
        if (lastSeen.has(key)) return orFallback(lastSeen.get(key));
      }
      return orFallback(await readTrusted(key));
    },
    setValue: (value) => setTrustedItems([{ item, value }]),
    removeValue: () => removeTrustedItems([item]),
    watch(callback) {
      broadcast();
      const listener: Listener = (newValue, oldValue) => callback(orFallback(newValue), orFallback(oldValue));
      const forKey = listeners.get(key) ?? new Set();
      forKey.add(listener);
      listeners.set(key, forKey);
      return () => void forKey.delete(listener);
    },
  };
  return item;
}
