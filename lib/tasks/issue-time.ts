import type { TimeCampClient } from '@/lib/api';
import { updateItem } from '@/lib/storage/update-item';
import { defineTrustedItem } from '@/lib/storage/trusted';

/** Time the user tracked on an issue's task (and its subtasks). */
export interface IssueTimeTotals {
  todaySeconds: number;
  totalSeconds: number;
}

export interface CachedIssueTime extends IssueTimeTotals {
  taskId: number;
  /** The day `todaySeconds` counts (`YYYY-MM-DD`, account zone). */
  day: string;
  fetchedAt: number;
}

/** By the issue's external id. */
export type IssueTimeCache = Record<string, CachedIssueTime>;

export const issueTime = defineTrustedItem<IssueTimeCache>('issueTime', { fallback: {} });

/** Issues kept in the cache; the ones fetched longest ago go first. */
export const ISSUE_TIME_CACHE_SIZE = 200;

// TimeCamp has no "all time": a date before any account existed stands for it.
const BEGINNING = '2000-01-01';

/** Sums the user's own entries (never a colleague's) on the task and its subtasks: today's, and all of them up to today. */
export async function fetchIssueTime(
  client: { entries: Pick<TimeCampClient['entries'], 'list'> },
  taskId: number,
  today: string,
): Promise<IssueTimeTotals> {
  const entries = await client.entries.list({ from: BEGINNING, to: today, taskIds: [taskId], withSubtasks: true, userIds: ['me'] });
  let todaySeconds = 0;
  let totalSeconds = 0;
  for (const entry of entries) {
    totalSeconds += entry.durationSeconds;
    if (entry.date === today) todaySeconds += entry.durationSeconds;
  }
  return { todaySeconds, totalSeconds };
}

/** Fetches an issue's time and caches it. */
export async function refreshIssueTime(
  client: { entries: Pick<TimeCampClient['entries'], 'list'> },
  externalId: string,
  taskId: number,
  today: string,
  now: number,
): Promise<CachedIssueTime> {
  const totals = await fetchIssueTime(client, taskId, today);
  const cached: CachedIssueTime = { taskId, day: today, fetchedAt: now, ...totals };
  await updateItem(issueTime, (all) => withIssueTime(all, externalId, cached));
  return cached;
}

/** `all` with `externalId`'s time replaced, trimmed to the `ISSUE_TIME_CACHE_SIZE` most recently fetched. */
export function withIssueTime(all: IssueTimeCache, externalId: string, time: CachedIssueTime): IssueTimeCache {
  const { [externalId]: _replaced, ...others } = all;
  const kept = Object.entries(others)
    .sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt)
    .slice(0, ISSUE_TIME_CACHE_SIZE - 1);
  return { ...Object.fromEntries(kept), [externalId]: time };
}

/**
 * The cached time of an issue, null when none is cached. `fresh` is false
 * once it is older than `maxAgeMs`, or when `today` is given and the cached
 * "today" was another day: show it, and fetch again.
 */
export async function cachedIssueTime(
  externalId: string,
  now: number,
  maxAgeMs: number,
  today?: string,
): Promise<(CachedIssueTime & { fresh: boolean }) | null> {
  const cached = (await issueTime.getValue())[externalId];
  if (!cached) return null;
  const fresh = now - cached.fetchedAt < maxAgeMs && cached.fetchedAt <= now && (today === undefined || cached.day === today);
  return { ...cached, fresh };
}
