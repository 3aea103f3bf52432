import { storage } from 'wxt/utils/storage';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { taskCache } from '@/lib/tasks/cache';
import { issueLinks } from '@/lib/tasks/issue-links';
import { issueTime } from '@/lib/tasks/issue-time';
import { recentTasks } from '@/lib/tasks/recent';

export type SignOutResult = { signedOut: true } | { signedOut: false; pending: number };

/**
 * Forgets the account: token, caches and queue. Changes TimeCamp has not got
 * yet are sent first; if some still cannot be sent, nothing is wiped unless
 * the user said to drop them. Settings stay: they are the user's, not the account's.
 */
export async function signOut(queue: { drain(): Promise<void> }, options: { dropQueue?: boolean } = {}): Promise<SignOutResult> {
  await queue.drain();
  const pending = (await actionQueue.getValue()).actions.length;
  if (pending > 0 && !options.dropQueue) return { signedOut: false, pending };
  await storage.removeItems([account, runningTimer, actionQueue, syncState, taskCache, issueLinks, issueTime, recentTasks, today]);
  return { signedOut: true };
}
