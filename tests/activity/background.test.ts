import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerActivity, ACTIVITY_ALARM } from '@/lib/activity/background';
import { activityOutbox, activityRecorder } from '@/lib/activity/outbox';
import { INITIAL_RECORDER } from '@/lib/activity/recorder';
import { account } from '@/lib/storage/account';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';

// The background's activity listeners in WXT's fake browser: registered at start, idle while off.

type Listener = (...args: never[]) => unknown;
const idleListeners: Listener[] = [];
const idleEvent = {
  addListener: (listener: Listener) => void idleListeners.push(listener),
  removeListener: (listener: Listener) => void idleListeners.splice(idleListeners.indexOf(listener), 1),
  trigger: (state: string) => Promise.all(idleListeners.map((listener) => (listener as (state: string) => unknown)(state))),
};

const ACCOUNT = { token: 'token-1', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 7, email: 'ada@example.com', displayName: 'Ada' }, signedInAt: 0 };

describe('browser activity in the background', () => {
  let now = Date.UTC(2026, 10, 27, 9, 0, 0);
  let stop: () => void = () => undefined;
  let fetches: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser.idle, { onStateChanged: idleEvent });
    idleListeners.length = 0;
    fetches = vi.fn(async () => new Response('[]'));
    vi.spyOn(globalThis, 'fetch').mockImplementation(fetches as typeof fetch);
    await account.setValue(ACCOUNT);
  });
  afterEach(() => {
    stop();
    vi.restoreAllMocks();
  });

  /** Waits for the recorder when it should hear something; while off it must hear nothing, so there is nothing to wait for. */
  async function browseAround(open: (domain: string | null) => Promise<void> = async () => undefined) {
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ windowId: window.id, url: 'https://github.com/octo/app' });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: tab.id!, windowId: window.id! });
    await open('github.com');
    now += 60_000;
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://linear.app/acme' });
    await open('linear.app');
    now += 60_000;
    await fakeBrowser.windows.onFocusChanged.trigger(fakeBrowser.windows.WINDOW_ID_NONE);
    await open(null);
    await idleEvent.trigger('locked');
    await fakeBrowser.alarms.onAlarm.trigger({ name: ACTIVITY_ALARM, scheduledTime: now });
  }

  const recorderOpen = (domain: string | null) => vi.waitFor(async () => expect((await activityRecorder.getValue()).open?.domain ?? null).toBe(domain));

  it('while off, hears every event and records, schedules and sends nothing', async () => {
    const tabsGet = vi.spyOn(fakeBrowser.tabs, 'get');
    stop = registerActivity({ now: () => now });
    await browseAround();
    // Whatever a listener would do happens within a few turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await activityRecorder.getValue()).toEqual(INITIAL_RECORDER);
    expect(await activityOutbox.getValue()).toEqual({ accounts: {} });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(tabsGet).not.toHaveBeenCalled();
    expect(fetches).not.toHaveBeenCalled();
  });

  it('once switched on, records the tab in front and closes the span on the focus lost', async () => {
    stop = registerActivity({ now: () => now });
    await settings.setValue({ ...DEFAULT_SETTINGS, activity: { ...DEFAULT_SETTINGS.activity, enabled: true } });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(ACTIVITY_ALARM)).toMatchObject({ periodInMinutes: 5 }));
    await browseAround(recorderOpen);

    await vi.waitFor(async () => {
      const waiting = Object.values((await activityOutbox.getValue()).accounts)[0]?.spans ?? [];
      expect(waiting.map((span) => [span.domain, (span.end - span.start) / 60_000])).toEqual([
        ['github.com', 1],
        ['linear.app', 1],
      ]);
    });
    expect((await activityRecorder.getValue()).open).toBeNull();

    // Switched off again: the alarm goes, and nothing more is recorded.
    await settings.setValue({ ...DEFAULT_SETTINGS });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(ACTIVITY_ALARM)).toBeUndefined());
  });

  it('cuts the span when a timer starts, so each part goes to the task that ran then', async () => {
    stop = registerActivity({ now: () => now });
    await settings.setValue({ ...DEFAULT_SETTINGS, activity: { ...DEFAULT_SETTINGS.activity, enabled: true } });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(ACTIVITY_ALARM)).toBeDefined());
    await idleEvent.trigger('active');
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ windowId: window.id, url: 'https://github.com/octo/app' });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: tab.id!, windowId: window.id! });
    await recorderOpen('github.com');
    now += 60_000;
    await runningTimer.setValue({ timerId: 1, entryId: 2, taskId: 42, taskName: 'Task', taskPath: '', externalTaskId: null, note: '', billable: false, startedAt: now, source: null, startedHere: true, startId: null });
    await vi.waitFor(async () => expect((await activityRecorder.getValue()).open?.taskId).toBe(42));
    const waiting = Object.values((await activityOutbox.getValue()).accounts)[0]?.spans ?? [];
    expect(waiting.map((span) => [span.domain, (span.end - span.start) / 60_000, span.taskId])).toEqual([['github.com', 1, null]]);
  });
});
