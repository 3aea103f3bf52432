import type { TimeCampClient } from '@/lib/api';
import { buildTaskNodes, isPickable, type TaskNode } from './tree';
import { updateItem } from '@/lib/storage/update-item';
import { defineTrustedItem } from '@/lib/storage/trusted';

/** The task tree as last fetched for one account. */
export interface TaskCache {
  /** When it was fetched (epoch ms). */
  fetchedAt: number;
  /** Whose tree it is: see `accountKeyOf` (lib/storage/account.ts). */
  accountKey: string;
  nodes: TaskNode[];
}

/**
 * Stale-while-revalidate: views read what is stored at once and the
 * background refreshes it now and then (see `isStale`) or when asked. It is
 * only a cache, so a shape change needs no migration: a refresh replaces it.
 */
export const taskCache = defineTrustedItem<TaskCache | null>('tasks', { fallback: null, mirrored: true });

export const TASK_CACHE_MAX_AGE_MS = 5 * 60_000;

/** The stored cache if it belongs to `accountKey`, else null (as if nothing were cached). */
export async function readTaskCache(accountKey: string): Promise<TaskCache | null> {
  const cache = await taskCache.getValue();
  return cache && cache.accountKey === accountKey ? cache : null;
}

export function isStale(cache: Pick<TaskCache, 'fetchedAt'> | null, now: number, maxAgeMs = TASK_CACHE_MAX_AGE_MS): boolean {
  // A fetch time in the future means the clock was set back: trust nothing.
  return !cache || now - cache.fetchedAt >= maxAgeMs || cache.fetchedAt > now;
}

/** The nodes a picker may offer. */
export function pickableNodes(nodes: readonly TaskNode[]): TaskNode[] {
  return nodes.filter(isPickable);
}

type TaskLister = Pick<TimeCampClient['tasks'], 'list'>;

// A popup opening while the background's periodic refresh runs would otherwise fetch the tree twice.
const inFlight = new Map<string, Promise<TaskCache>>();

/**
 * Fetches the active tree and the ids the user may track to (two requests, in
 * parallel), and stores the result. Concurrent calls for one account share one fetch.
 */
export function refreshTaskCache(client: { tasks: TaskLister }, accountKey: string, now: number): Promise<TaskCache> {
  const running = inFlight.get(accountKey);
  if (running) return running;
  const refresh = (async () => {
    const [tasks, trackable] = await Promise.all([
      client.tasks.list({ status: 'active' }),
      client.tasks.list({ status: 'active', perms: 'track_time', minimal: true }),
    ]);
    const cache: TaskCache = {
      fetchedAt: now,
      accountKey,
      nodes: buildTaskNodes(tasks, { trackableIds: new Set(trackable.map((task) => task.taskId)) }),
    };
    await updateItem(taskCache, () => cache);
    return cache;
  })();
  inFlight.set(accountKey, refresh);
  const forget = () => inFlight.delete(accountKey);
  refresh.then(forget, forget);
  return refresh;
}

/**
 * Adds (or replaces, by task id) nodes in the account's cache, such as tasks
 * just created for an issue, so the next lookup finds them without a request.
 * Without a cache for this account nothing is written: the next refresh
 * brings them, and a cache of only these nodes would hide the rest of the tree.
 */
export async function addNodesToCache(accountKey: string, added: readonly TaskNode[]): Promise<void> {
  if (added.length === 0) return;
  await updateItem(taskCache, (cache) => {
    if (!cache || cache.accountKey !== accountKey) return cache;
    const addedIds = new Set(added.map((node) => node.taskId));
    const nodes = cache.nodes.filter((node) => !addedIds.has(node.taskId));
    for (const node of added) nodes.splice(insertionPoint(nodes, node), 0, node);
    return { ...cache, nodes };
  });
}

/** Where a node goes to keep tree order: at the end of its parent's subtree, or at the end. */
function insertionPoint(nodes: readonly TaskNode[], node: TaskNode): number {
  const parentAt = node.parentId === null ? -1 : nodes.findIndex((candidate) => candidate.taskId === node.parentId);
  if (parentAt < 0) return nodes.length;
  const parentLevel = nodes[parentAt]!.level;
  let end = parentAt + 1;
  while (end < nodes.length && nodes[end]!.level > parentLevel) end++;
  return end;
}
