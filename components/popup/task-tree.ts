import { taskCache, type TaskCache } from '@/lib/tasks/cache';

// The popup reads the task tree after its first paint (see use-popup-state.ts):
// 10,000 tasks are some 3 MB to clone out of storage, which the small items the
// first paint waits for must not queue behind.

/** The stored task tree if it is `key`'s account's (as `readTaskCache` does). */
export async function readTaskTree(key: string): Promise<TaskCache | null> {
  const cache = await taskCache.getValue();
  return cache && cache.accountKey === key ? cache : null;
}

/** Calls `onChange` with each new tree the background stores. */
export function watchTaskTree(onChange: (cache: TaskCache | null) => void): () => void {
  return taskCache.watch((cache) => onChange(cache));
}
