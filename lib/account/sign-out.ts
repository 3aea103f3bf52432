import { removeTrustedItems } from '@/lib/storage/trusted';
import { today } from '@/lib/entries/today';
import { releaseServerAccess } from '@/lib/options/host-access';
import { account, lastServerUrl } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { taskCache } from '@/lib/tasks/cache';
import { issueLinks } from '@/lib/tasks/issue-links';
import { issueTime } from '@/lib/tasks/issue-time';
import { recentTasks } from '@/lib/tasks/recent';

export type SignOutResult = { signedOut: true } | { signedOut: false; pending: number };

/**
 * Forgets the account: token, caches, queue and access to its server. Changes
 * TimeCamp has not got yet are sent first; if some still cannot be sent,
 * nothing is wiped unless the user said to drop them. Settings stay: they are
 * the user's, not the account's.
 */
export async function signOut(queue: { drain(): Promise<void> }, options: { dropQueue?: boolean } = {}): Promise<SignOutResult> {
  await queue.drain();
  const pending = (await actionQueue.getValue()).actions.length;
  if (pending > 0 && !options.dropQueue) return { signedOut: false, pending };
  const signedOut = await account.getValue();
  await removeTrustedItems([account, runningTimer, actionQueue, syncState, taskCache, issueLinks, issueTime, recentTasks, today]);
  // Signing in again asks for the server's access afresh; until then nothing needs it. Its address is
  // kept (not the token), so signing in again there needs only the token.
  if (signedOut) {
    await lastServerUrl.setValue(signedOut.baseUrl);
    await releaseServerAccess(signedOut.baseUrl);
  }
  return { signedOut: true };
}
