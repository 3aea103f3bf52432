import { useEffect, useState } from 'preact/hooks';

/** A stored value the views follow: a trusted item (lib/storage/trusted.ts) or a `@wxt-dev/storage` one. */
export interface WatchedItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * The current value of a storage item, re-rendered whenever the background (or
 * any other view) changes it. Until the first read answers: `initial`, a value
 * the view read before it rendered, or `undefined`.
 */
export function useStored<T>(item: WatchedItem<T>, initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    let live = true;
    // A change that arrives before the first read answers is newer than that read: keep it.
    let changed = false;
    const unwatch = item.watch((next) => {
      changed = true;
      setValue(() => next);
    });
    void item.getValue().then((first) => live && !changed && setValue(() => first));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
