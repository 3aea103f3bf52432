import { browser, type Browser } from 'wxt/browser';
import { createTimeCampClient } from '@/lib/api';
import { onMessage } from '@/lib/messaging/protocol';
import { activityHandlers } from '@/lib/messaging/activity-handlers';
import { account } from '@/lib/storage/account';
import { settings } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';
import type { IdleState, RecorderEvent } from './recorder';
import { activitySettingsOf, type FrontTab } from './rules';
import { createActivityService, type ActivityService } from './service';

export const ACTIVITY_ALARM = 'timecamp-activity';
/** How often the open span is cut and what waits is sent. */
const FLUSH_MINUTES = 5;

const frontTab = (tab: Browser.tabs.Tab | undefined): FrontTab | null =>
  tab?.id === undefined ? null : { tabId: tab.id, url: tab.url, title: tab.title, incognito: tab.incognito };

/** The active tab of the window in front (without the `tabs` permission its URL is unknown, so nothing is recorded). */
async function readFront(windowId?: number): Promise<RecorderEvent> {
  const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId });
  return { type: 'front', tab: frontTab(tab) };
}

async function schedule(enabled: boolean): Promise<void> {
  if (!enabled) return void (await browser.alarms.clear(ACTIVITY_ALARM));
  // Re-creating the alarm would restart its period: only create it when missing.
  if (!(await browser.alarms.get(ACTIVITY_ALARM))) await browser.alarms.create(ACTIVITY_ALARM, { periodInMinutes: FLUSH_MINUTES, delayInMinutes: FLUSH_MINUTES });
}

export interface ActivityWiringOptions {
  now?: () => number;
  service?: ActivityService;
}

/**
 * Browser activity's listeners, registered synchronously at the worker's top
 * level (a worker woken by a tab change must hear it). While activity is off
 * they read the setting and stop there: nothing is asked of the browser,
 * nothing is written and nothing is sent.
 */
export function registerActivity({ now = Date.now, service }: ActivityWiringOptions = {}): () => void {
  const activity =
    service ??
    createActivityService({
      client: async () => {
        const signedIn = await account.getValue();
        return signedIn && createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl });
      },
      now,
      newId: () => crypto.randomUUID(),
    });
  const isOn = async () => activitySettingsOf(await settings.getValue()).enabled;
  /** The browser is asked at once (a later read could see the next page already), and only while recording is on. */
  const record = (read: () => Promise<RecorderEvent>) => {
    const at = now();
    const event = isOn()
      .then((on) => (on ? read() : null))
      .catch(() => null);
    void activity.record(at, event).catch(() => undefined);
  };

  const onActivated = (info: { tabId: number }) => record(async () => ({ type: 'front', tab: frontTab(await browser.tabs.get(info.tabId)) }));
  const onUpdated = (_tabId: number, change: { url?: string; title?: string }, tab: Browser.tabs.Tab) => {
    if (change.url !== undefined || change.title !== undefined) record(async () => ({ type: 'updated', tab: frontTab(tab)! }));
  };
  const onFocus = (windowId: number) =>
    record(async () => (windowId === browser.windows.WINDOW_ID_NONE ? { type: 'blur' } : readFront(windowId)));
  const onIdle = (state: IdleState) => record(async () => ({ type: 'idle', state }));
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name !== ACTIVITY_ALARM) return;
    record(async () => ({ type: 'tick' }));
    void activity.flush().catch(() => undefined);
  };
  // The flush itself reads the switch first: while off it sends nothing.
  const onOnline = () => void activity.flush({ urgent: true }).catch(() => undefined);
  const onStartup = () => record(() => readFront());

  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.windows.onFocusChanged.addListener(onFocus);
  browser.idle.onStateChanged.addListener(onIdle);
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup.addListener(onStartup);
  globalThis.addEventListener?.('online', onOnline);
  const handlers = activityHandlers(activity);
  const removers = [
    onMessage('activityStatus', handlers.activityStatus),
    onMessage('deleteWaitingActivity', handlers.deleteWaitingActivity),
    settings.watch((prefs, before) => {
      const on = activitySettingsOf(prefs).enabled;
      if (on !== activitySettingsOf(before).enabled) void schedule(on).catch(() => undefined);
      // Switched on: start from the tab in front. Otherwise the rules (off, titles, exclusions) are read again.
      record(async () => (on ? readFront() : { type: 'settings' }));
    }),
    account.watch(() => record(async () => ({ type: 'settings' }))),
    // A timer started, stopped or switched to another task cuts the span: each part goes to its own task.
    runningTimer.watch((now, before) => now?.taskId !== before?.taskId && record(async () => ({ type: 'tick' }))),
  ];

  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.windows.onFocusChanged.removeListener(onFocus);
    browser.idle.onStateChanged.removeListener(onIdle);
    browser.alarms.onAlarm.removeListener(onAlarm);
    browser.runtime.onStartup.removeListener(onStartup);
    globalThis.removeEventListener?.('online', onOnline);
    removers.forEach((remove) => remove());
  };
}
