import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_ALARM, scheduleRetry, scheduleSync, SYNC_ALARM } from '@/lib/timer/alarms';

// When the worker wakes to ask TimeCamp for the timer, and to send the queue again.

const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the status check alarm', () => {
  it('fires every minute while a timer runs, every five while none does, first after one period', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await scheduleSync(true);
    expect(create).toHaveBeenLastCalledWith(SYNC_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ name: 'timecamp-sync', periodInMinutes: 1 });
    await scheduleSync(false);
    expect(create).toHaveBeenLastCalledWith(SYNC_ALARM, { periodInMinutes: 5, delayInMinutes: 5 });
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });

  it('is not restarted while its period stays the same, so it still fires', async () => {
    await scheduleSync(true);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await scheduleSync(true);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('the retry alarm', () => {
  it('wakes the worker once the wait is over', async () => {
    scheduleRetry(30_000);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toMatchObject({ name: 'timecamp-queue-retry', scheduledTime: NOW + 30_000 }));
  });
});
