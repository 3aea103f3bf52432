import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTimeCampClient } from '@/lib/api';
import { account } from '@/lib/storage/account';
import { createActionQueue } from '@/lib/timer/action-queue';
import { createTimerEngine } from '@/lib/timer/engine';
import { syncWithServer } from '@/lib/timer/server-sync';
import type { TaskLookup } from '@/lib/timer/task-lookup';
import { useSandbox } from '../api/use-sandbox';

/** A Friday, 09:00 UTC: 10:00 in the sandbox account's zone (Europe/Warsaw, UTC+1 in November). */
export const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
export const MINUTE = 60_000;

export interface BootOptions {
  /** Wraps fetch, e.g. to lose an answer or to hang like a worker killed mid-request. */
  fetch?: typeof fetch;
  /** A worker that dies before it sends anything: it queues, and never reaches the server. */
  silent?: boolean;
  /** Hears the browser refuse (true) or accept again (false) to save the queue. */
  onStorageFull?(full: boolean): void;
  /** Whether the browser believes it is online (`navigator.onLine`); unknown when left out. */
  online?(): boolean;
}

/**
 * The background's timer services against the sandbox, in WXT's fake browser.
 * `boot()` starts them the way a service worker starts; calling it again
 * drops the old instance, as when Chrome kills the worker, and storage
 * survives as it does in the browser.
 */
export function useTimerHarness() {
  const env = useSandbox();
  const retries: number[] = [];
  let ids = 0;
  let seeded = new Set<number>();

  beforeEach(async () => {
    fakeBrowser.reset();
    retries.length = 0;
    env.sandbox.clock.set(T0);
    env.sandbox.clock.freeze(true);
    // Seed again, now that "today" is T0's day: the seeded week is the same in every test.
    env.sandbox.reset();
    seeded = new Set(env.sandbox.state.entries.keys());
    const demo = env.sandbox.users.find((user) => user.token === env.sandbox.token)!;
    await account.setValue({
      token: env.sandbox.token,
      baseUrl: env.sandbox.url,
      user: { userId: demo.user_id, email: demo.email, displayName: demo.display_name },
      signedInAt: T0,
    });
  });

  const lookupTask: TaskLookup = async (taskId) => {
    const task = env.sandbox.state.tasks.get(taskId);
    return task ? { name: task.name, path: task.name, externalTaskId: task.external_task_id ?? null, billable: Boolean(task.billable) } : null;
  };

  function boot(options: BootOptions = {}) {
    const now = () => env.sandbox.clock.now();
    const client = async () => {
      const signedIn = await account.getValue();
      if (!signedIn || options.silent) return null;
      return createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl, fetch: options.fetch, retry: { attempts: 1 } });
    };
    const queue = createActionQueue({ client, now, scheduleRetry: (delay) => void retries.push(delay), onStorageFull: options.onStorageFull, online: options.online });
    const engine = createTimerEngine({ queue, now, newId: () => `action-${++ids}`, lookupTask });
    const sync = () => syncWithServer({ client, queue, now, lookupTask });
    return { queue, engine, sync };
  }

  const advance = (ms: number) => env.sandbox.clock.advance(ms);

  /** The entries the test made on the sandbox (the seeded week left out). */
  const newEntries = () => [...env.sandbox.state.entries.values()].filter((entry) => !seeded.has(entry.id));
  const serverTimer = () => env.sandbox.state.timers.get(env.sandbox.demo.userId) ?? null;

  return { env, boot, advance, retries, newEntries, serverTimer };
}
