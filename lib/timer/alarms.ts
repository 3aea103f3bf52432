import { browser } from 'wxt/browser';

export const SYNC_ALARM = 'timecamp-sync';
export const RETRY_ALARM = 'timecamp-queue-retry';

/** Status checks: every minute while a timer runs (the badge shows minutes), every five while idle. */
export async function scheduleSync(running: boolean): Promise<void> {
  const periodInMinutes = running ? 1 : 5;
  const current = await browser.alarms.get(SYNC_ALARM);
  // Re-creating an alarm restarts its period: only do it when the period changes.
  if (current?.periodInMinutes !== periodInMinutes) await browser.alarms.create(SYNC_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Wakes the worker to send the queue again; an alarm outlives a killed worker, a timeout does not. */
export function scheduleRetry(delayMs: number): void {
  void browser.alarms.create(RETRY_ALARM, { when: Date.now() + delayMs });
}
