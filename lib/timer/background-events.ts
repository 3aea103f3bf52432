import { browser } from 'wxt/browser';
import { account } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { RETRY_ALARM, SYNC_ALARM, scheduleSync } from './alarms';
import type { TimerService } from './service';

/**
 * Everything that wakes the timer besides messages: alarms, the browser
 * coming back online or starting, and storage changes (which redraw the
 * badge). Registered synchronously at the worker's top level. A worker woken
 * by a page view makes no request: only alarms, the user and the browser's
 * start do.
 */
export function registerTimerEvents(service: TimerService, hooks: { afterSync?: () => Promise<unknown> } = {}): () => void {
  const refresh = () => void service.refreshBadge();
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === SYNC_ALARM) void service.sync().then(hooks.afterSync).catch(() => undefined).finally(refresh);
    if (alarm.name === RETRY_ALARM) void service.queue.drain();
  };
  const onOnline = () => void service.queue.drain();
  const onStartup = () => void service.sync();

  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup.addListener(onStartup);
  globalThis.addEventListener?.('online', onOnline);
  const unwatch = [
    runningTimer.watch((timer) => {
      void scheduleSync(timer !== null);
      refresh();
    }),
    syncState.watch(refresh),
    actionQueue.watch(refresh),
    account.watch((signedIn, before) => {
      refresh();
      // A new sign-in (or a new token after a refusal): send what waited, and look at the timer.
      if (signedIn && signedIn.token !== before?.token) void service.sync().then(hooks.afterSync).catch(() => undefined);
    }),
  ];

  // What a killed worker left queued goes out now; with an empty queue this sends nothing.
  void service.queue.drain();
  void runningTimer.getValue().then((timer) => scheduleSync(timer !== null));
  refresh();

  return () => {
    browser.alarms.onAlarm.removeListener(onAlarm);
    browser.runtime.onStartup.removeListener(onStartup);
    globalThis.removeEventListener?.('online', onOnline);
    unwatch.forEach((stop) => stop());
  };
}
