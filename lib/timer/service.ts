import { createTimeCampClient } from '@/lib/api';
import { refreshToday, today } from '@/lib/entries/today';
import { accountDate } from './account-time';
import { account, accountKeyOf } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { storageFull } from '@/lib/storage/storage-full';
import { runningTimer } from '@/lib/storage/timer';
import { createActionQueue, type DrainOptions } from './action-queue';
import { scheduleRetry } from './alarms';
import { applyBadge } from './apply-badge';
import { badgeFor } from './badge';
import { createTimerEngine } from './engine';
import { heldActions, readStoredQueue } from './queue-rules';
import { syncWithServer } from './server-sync';
import type { TaskLookup } from './task-lookup';

/** Views opening within this long of the last status check share it: TimeCamp's truth, without a request per open. */
const SYNC_ON_VIEW_AFTER_MS = 2_000;
/** The day (entries, attendance, away time) is refetched on a view's opening at most this often. */
const DAY_ON_VIEW_AFTER_MS = 20_000;

export interface TimerServiceOptions {
  lookupTask: TaskLookup;
  now?: () => number;
}

/** The background's timer: queue, engine, sync and badge, wired to the signed-in account. */
export function createTimerService({ lookupTask, now = Date.now }: TimerServiceOptions) {
  const client = async () => {
    const signedIn = await account.getValue();
    return signedIn && createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl });
  };
  const queue = createActionQueue({
    client,
    now,
    scheduleRetry,
    online: () => globalThis.navigator?.onLine !== false,
    onStorageFull: (full) => void storageFull.setValue(full).catch(() => undefined),
  });
  const engine = createTimerEngine({ queue, now, newId: () => crypto.randomUUID(), lookupTask });
  const sync = (options?: DrainOptions) => syncWithServer({ client, queue, now, lookupTask }, options);

  return {
    queue,
    engine,
    sync,
    /**
     * Someone is looking: whatever waits to be sent goes now (unless TimeCamp
     * asked us to wait), and TimeCamp's status is asked unless it just was.
     * Answers whether the running timer changed.
     */
    async syncIfStale(): Promise<boolean> {
      await queue.drain({ urgent: true });
      const { lastSyncAt } = await syncState.getValue();
      if (lastSyncAt !== null && now() - lastSyncAt <= SYNC_ON_VIEW_AFTER_MS) return false;
      const before = await runningTimer.getValue();
      await sync({ urgent: true });
      const after = await runningTimer.getValue();
      return before?.timerId !== after?.timerId || before?.startId !== after?.startId;
    },
    /**
     * Refetches the day the popup shows once what is queued has reached
     * TimeCamp: after a change, the entries; when a view opens (`full`), also
     * attendance and away time, unless the day was fetched moments ago.
     */
    async refreshDay(full = false): Promise<void> {
      await queue.settled();
      const signedIn = await account.getValue();
      const api = await client();
      if (!signedIn || !api) return;
      const date = accountDate(await syncState.getValue(), now());
      const day = await today.getValue();
      if (full && day && day.date === date && now() - day.fetchedAt < DAY_ON_VIEW_AFTER_MS) return;
      await refreshToday(api, accountKeyOf(signedIn), date, signedIn.user.userId, now(), full).catch(() => undefined);
    },
    async refreshBadge(): Promise<void> {
      const [signedIn, timer, state, queued] = await Promise.all([account.getValue(), runningTimer.getValue(), syncState.getValue(), actionQueue.getValue()]);
      const key = signedIn ? accountKeyOf(signedIn) : null;
      const held = key ? heldActions(readStoredQueue(queued, key), key).length : 0;
      await applyBadge(badgeFor({ account: signedIn, timer, sync: state, pending: queued.actions.length, held, now: now() }));
    },
  };
}

export type TimerService = ReturnType<typeof createTimerService>;
