import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { account } from '@/lib/storage/account';
import { actionQueue, EMPTY_QUEUE } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import { registerTimerEvents } from '@/lib/timer/background-events';
import type { TimerService } from '@/lib/timer/service';

// What wakes the timer besides messages: its alarms, the browser starting or
// coming back online, a new sign-in, and the changes that redraw the badge.

const signedIn = { token: 't1', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 1, email: 'a@b.c', displayName: 'Alex' }, signedInAt: 0 };
const running = { timerId: 1, entryId: 2, taskId: 3, taskName: 'x', taskPath: '', externalTaskId: null, note: '', billable: false, startedAt: 0, source: null, startedHere: true, startId: null } as RunningTimer;

// A service worker's own `online` event; Node has no global event target.
const worker = new EventTarget();
const workerEvents = {
  addEventListener: worker.addEventListener.bind(worker),
  removeEventListener: worker.removeEventListener.bind(worker),
  dispatchEvent: worker.dispatchEvent.bind(worker),
};

let unregister: Array<() => void> = [];
beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(globalThis, workerEvents);
});
afterEach(() => {
  for (const stop of unregister) stop();
  unregister = [];
});
afterAll(() => {
  for (const name of Object.keys(workerEvents)) Reflect.deleteProperty(globalThis, name);
});

function register(syncFails = false) {
  const service = {
    sync: vi.fn(async () => {
      if (syncFails) throw new Error('offline');
    }),
    refreshBadge: vi.fn(async () => {}),
    queue: { drain: vi.fn(async () => {}) },
  };
  const afterSync = vi.fn(async () => {});
  const stop = registerTimerEvents(service as unknown as TimerService, { afterSync });
  unregister.push(stop);
  return { service, afterSync, stop };
}

describe('on registering', () => {
  it('sends what a killed worker left queued, schedules the status check and draws the badge, without asking TimeCamp', async () => {
    await runningTimer.setValue(running);
    const { service } = register();
    expect(service.queue.drain).toHaveBeenCalledTimes(1);
    expect(service.refreshBadge).toHaveBeenCalled();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('timecamp-sync')).toMatchObject({ periodInMinutes: 1 }));
    expect(service.sync).not.toHaveBeenCalled();
  });
});

describe('alarms', () => {
  it('the status alarm syncs, then runs what follows a sync and redraws the badge', async () => {
    const { service, afterSync } = register();
    service.refreshBadge.mockClear();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-sync', scheduledTime: 0 });
    await vi.waitFor(() => expect(service.refreshBadge).toHaveBeenCalled());
    expect(service.sync).toHaveBeenCalledTimes(1);
    expect(afterSync).toHaveBeenCalledTimes(1);
    expect(service.queue.drain).toHaveBeenCalledTimes(1);
  });

  it('a failed sync still redraws the badge, and skips what follows it', async () => {
    const { service, afterSync } = register(true);
    service.refreshBadge.mockClear();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-sync', scheduledTime: 0 });
    await vi.waitFor(() => expect(service.refreshBadge).toHaveBeenCalled());
    expect(afterSync).not.toHaveBeenCalled();
  });

  it('the retry alarm sends the queue again; other alarms do nothing', async () => {
    const { service } = register();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-reminder', scheduledTime: 0 });
    expect(service.queue.drain).toHaveBeenCalledTimes(1);
    expect(service.sync).not.toHaveBeenCalled();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-queue-retry', scheduledTime: 0 });
    expect(service.queue.drain).toHaveBeenCalledTimes(2);
    expect(service.sync).not.toHaveBeenCalled();
  });
});

describe('the browser', () => {
  it('starting asks TimeCamp for the timer; coming back online sends the queue', async () => {
    const { service } = register();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(service.sync).toHaveBeenCalledTimes(1);
    worker.dispatchEvent(new Event('online'));
    expect(service.queue.drain).toHaveBeenCalledTimes(2);
  });
});

describe('storage changes', () => {
  it('a timer starting or stopping moves the status check to every minute or every five, and redraws the badge', async () => {
    const { service } = register();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('timecamp-sync')).toMatchObject({ periodInMinutes: 5 }));
    service.refreshBadge.mockClear();
    await runningTimer.setValue(running);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('timecamp-sync')).toMatchObject({ periodInMinutes: 1 }));
    expect(service.refreshBadge).toHaveBeenCalled();
    await runningTimer.setValue(null);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('timecamp-sync')).toMatchObject({ periodInMinutes: 5 }));
  });

  it('a change of the queue or of the sync state redraws the badge', async () => {
    const { service } = register();
    service.refreshBadge.mockClear();
    await actionQueue.setValue({ ...EMPTY_QUEUE, revision: 1 });
    await vi.waitFor(() => expect(service.refreshBadge).toHaveBeenCalledTimes(1));
    await syncState.setValue({ ...(await syncState.getValue()), authProblem: true });
    await vi.waitFor(() => expect(service.refreshBadge).toHaveBeenCalledTimes(2));
  });

  it('a sign-in, or a new token, syncs; signing out or the same token again only redraws the badge', async () => {
    const { service, afterSync } = register();
    await account.setValue(signedIn);
    await vi.waitFor(() => expect(afterSync).toHaveBeenCalledTimes(1));
    expect(service.sync).toHaveBeenCalledTimes(1);
    await account.setValue({ ...signedIn, signedInAt: 5 });
    await account.setValue(null);
    await vi.waitFor(() => expect(service.refreshBadge.mock.calls.length).toBeGreaterThanOrEqual(4));
    expect(service.sync).toHaveBeenCalledTimes(1);
    await account.setValue({ ...signedIn, token: 't2' });
    await vi.waitFor(() => expect(service.sync).toHaveBeenCalledTimes(2));
  });
});

describe('unregistering', () => {
  it('stops hearing alarms, the browser and storage', async () => {
    const { service, stop } = register();
    stop();
    service.refreshBadge.mockClear();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-queue-retry', scheduledTime: 0 });
    await fakeBrowser.runtime.onStartup.trigger();
    worker.dispatchEvent(new Event('online'));
    await account.setValue(signedIn);
    await runningTimer.setValue(running);
    expect(service.queue.drain).toHaveBeenCalledTimes(1);
    expect(service.sync).not.toHaveBeenCalled();
    expect(service.refreshBadge).not.toHaveBeenCalled();
  });
});

describe('a global scope without events', () => {
  it('still hears alarms, and registers and unregisters without the `online` event', async () => {
    // The `online` event is the worker's own; where the global scope is no event target the rest still works.
    for (const name of Object.keys(workerEvents)) Reflect.deleteProperty(globalThis, name);
    const { service, stop } = register();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-queue-retry', scheduledTime: 0 });
    expect(service.queue.drain).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-queue-retry', scheduledTime: 0 });
    expect(service.queue.drain).toHaveBeenCalledTimes(2);
  });
});
