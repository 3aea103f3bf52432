import { updateItem } from '@/lib/storage/update-item';
import { defineTrustedItem } from '@/lib/storage/trusted';

export const RECENT_TASKS_LIMIT = 20;

/**
 * Task ids the user started timers on, most recent first, each once. Search
 * puts them first. Ids of another account's tasks simply match nothing in
 * this account's tree.
 */
export const recentTasks = defineTrustedItem<number[]>('recentTasks', { fallback: [] });

/** `recent` with `taskId` moved (or added) to the front, at most `RECENT_TASKS_LIMIT` long. */
export function withRecent(recent: readonly number[], taskId: number): number[] {
  return [taskId, ...recent.filter((id) => id !== taskId)].slice(0, RECENT_TASKS_LIMIT);
}

export function rememberRecent(taskId: number): Promise<number[]> {
  return updateItem(recentTasks, (recent) => withRecent(recent, taskId));
}
