import { storage } from 'wxt/utils/storage';
import type { TaskCache } from '@/lib/tasks/cache';

// The popup reads the task cache by its key rather than through
// `taskCache` in lib/tasks/cache.ts: @wxt-dev/storage reads every item once
// as the item is defined, and the storage area answers in order. Importing
// that module would read the whole tree (10,000 tasks: some 3 MB, half a
// second) ahead of the small items the first paint waits for, and then a
// second time when asked. A test holds this key equal to the module's.

/** The key of `taskCache` (lib/tasks/cache.ts). */
export const TASK_CACHE_KEY = 'local:tasks';

/** The stored task tree if it is `key`'s account's (as `readTaskCache` does). */
export async function readTaskTree(key: string): Promise<TaskCache | null> {
  const cache = await storage.getItem<TaskCache>(TASK_CACHE_KEY);
  return cache && cache.accountKey === key ? cache : null;
}

/** Calls `onChange` with each new tree the background stores. */
export function watchTaskTree(onChange: (cache: TaskCache | null) => void): () => void {
  return storage.watch<TaskCache>(TASK_CACHE_KEY, (cache) => onChange(cache));
}
