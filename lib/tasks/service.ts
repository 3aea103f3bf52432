import { ApiError, createTimeCampClient, type TimeCampClient } from '@/lib/api';
import { INTEGRATION_NAMES } from '@/lib/integrations/catalog';
import { defaultNote } from '@/lib/integrations/note';
import type { EventRange, StartFromIssueResult, TaskChoice } from '@/lib/messaging/protocol';
import { account, accountKeyOf, type Account } from '@/lib/storage/account';
import { settings } from '@/lib/storage/settings';
import { syncState } from '@/lib/storage/sync';
import type { IssueRef } from '@/lib/storage/timer';
import { RETRYABLE_KINDS } from '@/lib/timer/action-queue';
import { accountDate } from '@/lib/timer/account-time';
import type { TimerEngine } from '@/lib/timer/engine';
import type { TaskLookup } from '@/lib/timer/task-lookup';
import { isStale, pickableNodes, readTaskCache, refreshTaskCache, TASK_CACHE_MAX_AGE_MS, type TaskCache } from './cache';
import { refreshIssueTime } from './issue-time';
import { recentTasks, rememberRecent } from './recent';
import { resolveIssueTask } from './resolve-issue';
import { createTaskIndex, type TaskIndex } from './search';
import { today } from '@/lib/entries/today';
import { recentNotesOf } from '@/lib/entries/recent-notes';
import { toTaskChoice } from './tree';
import { rememberIssueTask } from './issue-links';

function choiceFor(cache: TaskCache | null, taskId: number): TaskChoice | null {
  const node = cache?.nodes.find((candidate) => candidate.taskId === taskId);
  return node ? toTaskChoice(node) : null;
}

/**
 * A search that finds nothing may be for a task made in TimeCamp since the
 * tree was fetched: the tree is fetched again, but not more often than this,
 * so a user typing (each keystroke a miss) costs TimeCamp one fetch.
 */
export const NO_MATCH_REFRESH_MS = 30_000;

/** Why the tree is to be fetched again: a search found nothing, or the user asked (Refresh tasks). */
export type RefreshReason = 'no-match' | 'asked';

export interface TaskServiceOptions {
  now?: () => number;
  client?: (signedIn: Account) => TimeCampClient;
}

/**
 * The background's view of the task tree: a cache revalidated at most every
 * few minutes, a search index over it, and resolving an issue to its task.
 */
export function createTaskService({ now = Date.now, client = (a) => createTimeCampClient({ token: a.token, baseUrl: a.baseUrl }) }: TaskServiceOptions = {}) {
  // Keyed by whose tree and when it was fetched: every read of storage answers a new object, and
  // rebuilding the index over 10,000 tasks on each keystroke would cost a third of a second.
  let index: { key: string; index: TaskIndex } | null = null;

  async function current(): Promise<{ signedIn: Account; key: string; cache: TaskCache | null } | null> {
    const signedIn = await account.getValue();
    if (!signedIn) return null;
    const key = accountKeyOf(signedIn);
    return { signedIn, key, cache: await readTaskCache(key) };
  }

  /** The cached tree, fetched first when there is none; refreshed when older than `maxAgeMs`. */
  async function tree(maxAgeMs = TASK_CACHE_MAX_AGE_MS): Promise<TaskCache | null> {
    const here = await current();
    if (!here) return null;
    if (here.cache && !isStale(here.cache, now(), maxAgeMs)) return here.cache;
    try {
      return await refreshTaskCache(client(here.signedIn), here.key, now());
    } catch (error) {
      if (here.cache) return here.cache; // stale beats nothing; the next refresh tries again
      throw error;
    }
  }

  /**
   * Fetches the tree again: when the user asks, always (concurrent asks share
   * one fetch); after a search that found nothing, only when the tree is older
   * than `NO_MATCH_REFRESH_MS`. True when a new tree was stored. A failure is
   * thrown, for the view to say so; the cached tree stays.
   */
  async function refresh(reason: RefreshReason): Promise<boolean> {
    const here = await current();
    if (!here) return false;
    if (reason === 'no-match' && here.cache && !isStale(here.cache, now(), NO_MATCH_REFRESH_MS)) return false;
    await refreshTaskCache(client(here.signedIn), here.key, now());
    return true;
  }

  /**
   * What the user searches for (the picker's field): a word with one typo still matches, and a
   * search that finds nothing fetches the tree again first. Suggestions for an issue (`exact`)
   * take its title as written and never wait for TimeCamp.
   */
  async function search(query: string, limit = 20, exact = false): Promise<TaskChoice[]> {
    // Without a tree (never fetched, and TimeCamp out of reach) there is nothing to offer, not an error.
    const cache = await tree().catch(() => null);
    if (!cache) return [];
    const found = await searchIn(cache, query, limit, !exact);
    if (found.length > 0 || query.trim() === '' || exact) return found;
    const fresh = (await refresh('no-match').catch(() => false)) ? await readTaskCache(cache.accountKey) : null;
    return fresh ? searchIn(fresh, query, limit, true) : found;
  }

  async function searchIn(cache: TaskCache, query: string, limit: number, typos: boolean): Promise<TaskChoice[]> {
    const key = `${cache.accountKey}@${cache.fetchedAt}#${cache.nodes.length}`;
    if (index?.key !== key) index = { key, index: createTaskIndex(pickableNodes(cache.nodes)) };
    const notes = recentNotesOf(await today.getValue(), cache.accountKey);
    return index.index.search(query, { limit, typos, recentIds: await recentTasks.getValue(), notes }).map(toTaskChoice);
  }

  const lookupTask: TaskLookup = async (taskId) => {
    // Right after sign-in the tree may not be here yet: fetch it rather than show a nameless timer.
    const cache = (await current())?.cache ?? (await tree().catch(() => null));
    const node = cache?.nodes.find((candidate) => candidate.taskId === taskId);
    return node ? { name: node.name, path: node.pathText, externalTaskId: node.externalTaskId, billable: node.billable } : null;
  };

  return {
    tree,
    refresh,
    search,
    lookupTask,

    /**
     * A tracker's button: start on the issue's task, or say that the user must
     * pick one. The timer starts at `at`, the click, however long finding or
     * creating the task took. With `event` (a past calendar event's "Add as
     * entry") nothing starts: the picker opens on the likely task, to add it.
     */
    async startFromIssue(issue: IssueRef, engine: TimerEngine, at = now(), event?: EventRange): Promise<StartFromIssueResult> {
      const here = await current();
      if (!here) return { outcome: 'signed-out' };
      const prefs = await settings.getValue();
      const note = defaultNote(issue, prefs.noteTemplate);
      const cache = await tree().catch(() => null);
      const resolution = await resolveIssueTask(issue, {
        tasks: client(here.signedIn).tasks,
        nodes: cache?.nodes ?? [],
        accountKey: here.key,
        settings: prefs,
        integrationName: (id) => INTEGRATION_NAMES[id] ?? id,
        note: (it) => defaultNote(it, prefs.noteTemplate),
      }).catch((error: unknown) => {
        // Offline or a server error: the user still picks a task from the cached tree, and the
        // start is queued like any other. Only a refusal that will not go away is an error.
        if (error instanceof ApiError && RETRYABLE_KINDS.has(error.kind)) return { taskId: null } as const;
        throw error;
      });
      if (resolution.taskId === null || prefs.buttonClick === 'confirm' || event) {
        // Likely tasks for the issue, by its title as written: the picker is waiting.
        const found = await search(issue.title, 5, true);
        const resolved = found.find((choice) => choice.taskId === resolution.taskId) ?? (resolution.taskId === null ? null : choiceFor(cache, resolution.taskId));
        const suggestions = resolved ? [resolved, ...found.filter((choice) => choice.taskId !== resolved.taskId)] : found;
        return { outcome: 'needs-task', note, suggestions, ...(event && { event }) };
      }
      await engine.start({ taskId: resolution.taskId, note, source: issue, at });
      await rememberRecent(resolution.taskId);
      const created = (await current())?.cache ?? cache;
      return { outcome: 'started', task: choiceFor(created, resolution.taskId) ?? { taskId: resolution.taskId, name: issue.title, path: '', color: null } };
    },

    /** After a start the user chose: remember the task as recent, and for the issue when asked to. */
    async chosen(taskId: number, request: { remember?: boolean; source?: IssueRef | null }): Promise<void> {
      await rememberRecent(taskId);
      if (request.remember && request.source) await rememberIssueTask(request.source.externalId, taskId);
    },

    /** Refetches an issue's time after the user tracked to it. */
    async refreshIssueTime(externalId: string, taskId: number): Promise<void> {
      const here = await current();
      if (!here) return;
      const today = accountDate(await syncState.getValue(), now());
      await refreshIssueTime(client(here.signedIn), externalId, taskId, today, now());
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
