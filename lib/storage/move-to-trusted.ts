import { browser } from 'wxt/browser';
import { today } from '@/lib/entries/today';
import { taskCache } from '@/lib/tasks/cache';
import { issueLinks } from '@/lib/tasks/issue-links';
import { issueTime } from '@/lib/tasks/issue-time';
import { recentTasks } from '@/lib/tasks/recent';
import { idlePeriod } from '@/lib/timer/idle';
import { account } from './account';
import { actionQueue } from './queue';
import { settings } from './settings';
import { syncState } from './sync';
import { lastTimer, runningTimer } from './timer';
import { defineTrustedItem, holdTrustedStorageFor, type TrustedItem, type TrustedWrite } from './trusted';

/** Set once the move is done: later, anything in `storage.local` under those keys was put there by a page, not by us. */
const moved = defineTrustedItem<boolean>('movedFromLocal', { fallback: false });

/** Items that earlier versions kept in `storage.local` under the same keys. */
const MOVED: readonly TrustedItem<any>[] = [account, runningTimer, lastTimer, actionQueue, syncState, settings, taskCache, today, issueLinks, issueTime, recentTasks, idlePeriod];

/**
 * Moves what an earlier version kept in `storage.local` (where content
 * scripts can read and write it) into extension-only storage, once: the
 * sign-in, settings, queue and remembered issue tasks survive the update, and
 * nothing is left behind. Only the first run after the update imports
 * anything: what a page writes under those keys later is thrown away, never
 * trusted.
 */
export function moveToTrustedStorage(): Promise<void> {
  // Nothing reads or writes trusted storage until this is done.
  return holdTrustedStorageFor(async ({ read, write }) => {
    const keys = MOVED.map((item) => item.key);
    if ((await read(moved)) === true) {
      // A page may write these keys; they are never read again.
      await browser.storage.local.remove(keys);
      return;
    }
    const legacy = await browser.storage.local.get(keys);
    const writes: TrustedWrite[] = [{ item: moved, value: true }];
    for (const item of MOVED) {
      if (legacy[item.key] !== undefined && (await read(item)) === undefined) writes.push({ item, value: legacy[item.key] });
    }
    await write(writes);
    await browser.storage.local.remove(keys);
  });
}
