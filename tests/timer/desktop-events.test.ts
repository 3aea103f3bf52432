import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { account } from '@/lib/storage/account';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { lastTimer, runningTimer, type IssueRef, type RunningTimer } from '@/lib/storage/timer';
import type { TaskService } from '@/lib/tasks/service';
import { registerDesktopEvents, MENU_PAGE, MENU_SELECTION, TOGGLE_COMMAND } from '@/lib/timer/desktop-events';
import { idlePeriod } from '@/lib/timer/idle';
import type { TimerService } from '@/lib/timer/service';
import { deliver, foreign, message, popupPage } from '../messaging/deliver';

// The ways to track without opening the popup, wired to the browser: the
// shortcut, the context menu, the idle notification and its buttons, and the
// reminder alarm, against a fake engine.

const NOW = new Date(2026, 10, 25, 10, 0, 0).getTime(); // a Wednesday, 10:00 browser time
const MIN = 60_000;
const signedIn = { token: 't', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 1, email: 'a@b.c', displayName: 'Alex' }, signedInAt: 0 };
const running = { timerId: 1, entryId: 2, taskId: 3, taskName: 'Design review', taskPath: '', externalTaskId: null, note: 'deep', billable: false, startedAt: NOW - 60 * MIN, source: null, startedHere: true, startId: null } as RunningTimer;

const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
/** `browser.i18n.getMessage` answering from the Polish catalogue, `$1`… filled in. */
function speakPolish() {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return polish[name]?.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') ?? '';
  });
}
/** A build whose catalogue lacks the background's texts. */
const noCatalogue = () => vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');

function inMemoryEvent() {
  const listeners: Array<(...args: never[]) => unknown> = [];
  return {
    addListener: (listener: (...args: never[]) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: never[]) => unknown) => void listeners.splice(listeners.indexOf(listener) >>> 0, 1),
    trigger: (...args: unknown[]) => Promise.all(listeners.map((listener) => (listener as (...given: unknown[]) => unknown)(...args))),
    count: () => listeners.length,
  };
}

let events: { command: ReturnType<typeof inMemoryEvent>; menu: ReturnType<typeof inMemoryEvent>; idle: ReturnType<typeof inMemoryEvent> };
let menus: { removeAll: ReturnType<typeof vi.fn>; create: ReturnType<typeof vi.fn> };
let detection: ReturnType<typeof vi.fn>;
let notices: Array<{ id: string; options: Record<string, unknown> }>;
let clock: number;

beforeEach(() => {
  fakeBrowser.reset();
  clock = NOW;
  events = { command: inMemoryEvent(), menu: inMemoryEvent(), idle: inMemoryEvent() };
  menus = { removeAll: vi.fn(async () => {}), create: vi.fn() };
  detection = vi.fn();
  Object.assign(fakeBrowser, {
    commands: { onCommand: events.command },
    contextMenus: { onClicked: events.menu, ...menus },
    idle: { onStateChanged: events.idle, setDetectionInterval: detection },
  });
  notices = [];
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(((path: string) => `chrome-extension://${fakeBrowser.runtime.id}${path}`) as typeof fakeBrowser.runtime.getURL);
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: Record<string, unknown>) => {
    notices.push({ id, options });
    return id;
  }) as unknown as typeof fakeBrowser.notifications.create);
});

let unregister: Array<() => void> = [];
afterEach(() => {
  for (const stop of unregister) stop();
  unregister = [];
  vi.restoreAllMocks();
});

/** Lets the listeners' storage reads and writes run their course. */
const settle = async () => {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function register() {
  const engine = { start: vi.fn(async () => {}), stop: vi.fn(async () => {}) };
  const startFromIssue = vi.fn(async () => ({ outcome: 'started' as const, task: { taskId: 3, name: 'x', path: '', color: null } }));
  const unregisterThis = registerDesktopEvents({ engine } as unknown as TimerService, { startFromIssue } as unknown as TaskService, () => clock);
  let done = false;
  const stopListening = () => {
    if (!done) unregisterThis();
    done = true;
  };
  unregister.push(stopListening);
  return { engine, startFromIssue, stopListening };
}

describe('the keyboard shortcut', () => {
  it('toggles the timer; other commands do nothing', async () => {
    await account.setValue(signedIn);
    await runningTimer.setValue(running);
    const { engine } = register();
    await events.command.trigger('something-else');
    await settle();
    expect(engine.stop).not.toHaveBeenCalled();
    await events.command.trigger(TOGGLE_COMMAND);
    await settle();
    expect(engine.stop).toHaveBeenCalledWith(NOW);
  });

  it('signed out, shows a notification saying to sign in first', async () => {
    register();
    await events.command.trigger(TOGGLE_COMMAND);
    await settle();
    expect(notices).toEqual([
      {
        id: 'timecamp-info',
        options: expect.objectContaining({ type: 'basic', title: 'TimeCamp', message: 'Sign in to TimeCamp first: open the extension and enter your API token.', iconUrl: `chrome-extension://${fakeBrowser.runtime.id}/icon/128.png` }),
      },
    ]);
  });
});

describe('the context menu', () => {
  it('is made on install, and the reminder alarm set every 15 minutes', async () => {
    register();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await settle();
    expect(menus.removeAll).toHaveBeenCalled();
    expect(menus.create.mock.calls).toEqual([
      [{ id: MENU_SELECTION, title: "Start timer with '%s'", contexts: ['selection'] }],
      [{ id: MENU_PAGE, title: 'Track this page', contexts: ['page'] }],
    ]);
    expect(await fakeBrowser.alarms.get('timecamp-reminder')).toMatchObject({ periodInMinutes: 15 });
  });

  it('starts the last task with the selection, and tracks the page it was opened on', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    const { engine } = register();
    await events.menu.trigger({ menuItemId: MENU_SELECTION, selectionText: 'Call Acme' });
    await events.menu.trigger({ menuItemId: MENU_SELECTION });
    await events.menu.trigger({ menuItemId: 'other', selectionText: 'ignored' });
    await settle();
    expect(engine.start.mock.calls).toEqual([[expect.objectContaining({ taskId: 7, note: 'Call Acme' })]]);

    await events.menu.trigger({ menuItemId: MENU_PAGE }, { title: 'Quarterly report' });
    await events.menu.trigger({ menuItemId: MENU_PAGE });
    await settle();
    expect(engine.start.mock.calls.slice(1)).toEqual([[expect.objectContaining({ note: 'Quarterly report' })], [expect.objectContaining({ note: 'Untitled page' })]]);
  });
});

describe('the context menu, in other languages', () => {
  async function install() {
    register();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await settle();
    return menus.create.mock.calls.map(([item]) => (item as { title: string }).title);
  }

  it('is named in the browser’s language', async () => {
    speakPolish();
    expect(await install()).toEqual([polish.bg_menuSelection!.message, polish.bg_menuPage!.message]);
  });

  it('is named in English without a catalogue', async () => {
    noCatalogue();
    expect(await install()).toEqual(["Start timer with '%s'", 'Track this page']);
  });
});

describe('"Track this page" on a tracker’s issue', () => {
  const issue: IssueRef = { integration: 'github', externalId: 'github_issue_octo/hello#12', key: '#12', title: 'Fix login', url: 'https://github.com/octo/hello/issues/12', project: 'octo/hello' };

  it('asks the tab for the issue it shows and starts from that issue, at the click', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    // The tab's content script answers `readIssue`, in the messaging library's wire format.
    const asked: Array<{ tabId: number; type: string }> = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, sent: { type: string }, _options: unknown, reply: (answer: unknown) => void) => {
      asked.push({ tabId, type: sent.type });
      queueMicrotask(() => reply({ res: sent.type === 'readIssue' ? issue : undefined }));
    }) as never);
    const { engine, startFromIssue } = register();
    await events.menu.trigger({ menuItemId: MENU_PAGE }, { id: 4, title: 'Fix login · Issue #12 · octo/hello' });
    await settle();
    expect(asked).toEqual([{ tabId: 4, type: 'readIssue' }]);
    expect(startFromIssue).toHaveBeenCalledWith(issue, expect.objectContaining({ start: engine.start }), NOW);
    expect(engine.start).not.toHaveBeenCalled();
  });
});

describe('idle detection', () => {
  beforeEach(async () => {
    await account.setValue(signedIn);
    await settings.setValue({ ...DEFAULT_SETTINGS, idleDetection: true, idleMinutes: 10 });
    await runningTimer.setValue(running);
  });

  async function awayFor(minutes: number) {
    const registered = register();
    await events.idle.trigger('idle');
    await settle();
    clock += minutes * MIN;
    await events.idle.trigger('active');
    await settle();
    return registered;
  }

  it('on return, asks what to do with the time away, naming the task, with two buttons', async () => {
    await awayFor(25);
    expect(notices).toEqual([
      {
        id: 'timecamp-idle',
        options: expect.objectContaining({
          title: 'You were away for 35 min',
          message: 'The timer on Design review kept running. Keep that time, or discard it?',
          buttons: [{ title: 'Discard idle time' }, { title: 'Discard and continue' }],
          requireInteraction: true,
        }),
      },
    ]);
  });

  it('names a timer without a task name "your task"', async () => {
    await runningTimer.setValue({ ...running, taskName: '' });
    await awayFor(5);
    expect(notices[0]!.options.message).toBe('The timer on your task kept running. Keep that time, or discard it?');
  });

  it('asks in the browser’s language, naming a timer without a task name as its catalogue does', async () => {
    speakPolish();
    await runningTimer.setValue({ ...running, taskName: '' });
    await awayFor(25);
    expect(notices[0]!.options).toMatchObject({
      title: polish.bg_idleTitle!.message.replace('$1', '35'),
      message: polish.bg_idleMessage!.message.replace('$1', polish.bg_yourTask!.message),
      buttons: [{ title: polish.bg_idleDiscard!.message }, { title: polish.bg_idleDiscardContinue!.message }],
    });
  });

  it('asks in English without a catalogue', async () => {
    noCatalogue();
    await runningTimer.setValue({ ...running, taskName: '' });
    await awayFor(25);
    expect(notices[0]!.options).toMatchObject({
      title: 'You were away for 35 min',
      message: 'The timer on your task kept running. Keep that time, or discard it?',
      buttons: [{ title: 'Discard idle time' }, { title: 'Discard and continue' }],
    });
  });

  it('"Discard idle time" stops the timer when the idleness began, and clears the notification', async () => {
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    const { engine } = await awayFor(25);
    await fakeBrowser.notifications.onButtonClicked.trigger('timecamp-idle', 0);
    await settle();
    expect(engine.stop).toHaveBeenCalledWith(NOW - 10 * MIN);
    expect(engine.start).not.toHaveBeenCalled();
    expect(clear).toHaveBeenCalledWith('timecamp-idle');
  });

  it('"Discard and continue" stops it then and starts the same task again', async () => {
    const { engine } = await awayFor(25);
    await fakeBrowser.notifications.onButtonClicked.trigger('timecamp-idle', 1);
    await settle();
    expect(engine.stop).toHaveBeenCalledWith(NOW - 10 * MIN);
    expect(engine.start).toHaveBeenCalledWith(expect.objectContaining({ taskId: 3, note: 'deep' }));
  });

  it('closing the notification keeps the time; a button of another notification, or a close by the browser, does nothing', async () => {
    const { engine } = await awayFor(25);
    await fakeBrowser.notifications.onButtonClicked.trigger('timecamp-info', 0);
    await fakeBrowser.notifications.onClosed.trigger('timecamp-idle', false);
    await fakeBrowser.notifications.onClosed.trigger('timecamp-info', true);
    await settle();
    expect(await idlePeriod.getValue()).not.toBeNull();
    await fakeBrowser.notifications.onClosed.trigger('timecamp-idle', true);
    await settle();
    expect(await idlePeriod.getValue()).toBeNull();
    expect(engine.stop).not.toHaveBeenCalled();
  });

  it('the popup’s choice resolves it too; only from an extension page, and only a known choice', async () => {
    const { engine } = await awayFor(25);
    expect(await deliver(message('resolveIdle', { choice: 'discard' }), foreign())).toMatchObject({ err: expect.anything() });
    expect(await deliver(message('resolveIdle', { choice: 'forget' }), popupPage())).toMatchObject({ err: expect.anything() });
    await settle();
    expect(engine.stop).not.toHaveBeenCalled();
    await deliver(message('resolveIdle', { choice: 'discard' }), popupPage());
    await settle();
    expect(engine.stop).toHaveBeenCalledWith(NOW - 10 * MIN);
  });

  it('the popup may also discard and continue, or keep the time; a refusal names the message and the field', async () => {
    const { engine } = await awayFor(25);
    expect(await deliver(message('resolveIdle', { choice: 'later' }), popupPage())).toEqual({
      err: expect.objectContaining({ message: expect.stringMatching(/^resolveIdle: invalid payload \(choice\)$/) }),
    });
    expect(await deliver(message('resolveIdle', { choice: 'discard-and-continue' }), popupPage())).toEqual({ res: undefined });
    await settle();
    expect(engine.stop).toHaveBeenCalledWith(NOW - 10 * MIN);
    expect(engine.start).toHaveBeenCalledWith(expect.objectContaining({ taskId: 3, note: 'deep' }));

    engine.stop.mockClear();
    await events.idle.trigger('idle');
    await settle();
    clock += 30 * MIN;
    await events.idle.trigger('active');
    await settle();
    expect(await idlePeriod.getValue()).not.toBeNull();
    expect(await deliver(message('resolveIdle', { choice: 'keep' }), popupPage())).toEqual({ res: undefined });
    await settle();
    expect(await idlePeriod.getValue()).toBeNull();
    expect(engine.stop).not.toHaveBeenCalled();
  });

  it('in a browser without notification buttons (Firefox), closing the notification and the popup still answer', async () => {
    const buttons = Object.getOwnPropertyDescriptor(fakeBrowser.notifications, 'onButtonClicked')!;
    Object.defineProperty(fakeBrowser.notifications, 'onButtonClicked', { value: undefined, configurable: true });
    try {
      const { engine, stopListening } = await awayFor(25);
      expect(notices).toHaveLength(1);
      await fakeBrowser.notifications.onClosed.trigger('timecamp-idle', true);
      await settle();
      expect(await idlePeriod.getValue()).toBeNull();
      expect(engine.stop).not.toHaveBeenCalled();
      stopListening();
      await fakeBrowser.notifications.onClosed.trigger('timecamp-idle', true);
    } finally {
      Object.defineProperty(fakeBrowser.notifications, 'onButtonClicked', buttons);
    }
  });

  it('sets the browser’s idle threshold from the options, never under a minute, and follows changes', async () => {
    register();
    await settle();
    expect(detection).toHaveBeenLastCalledWith(600);
    await settings.setValue({ ...DEFAULT_SETTINGS, idleMinutes: 0.5 });
    await settle();
    expect(detection).toHaveBeenLastCalledWith(60);
  });
});

describe('the reminder', () => {
  it('the reminder alarm nudges during working hours when nothing runs; other alarms do not', async () => {
    await account.setValue(signedIn);
    await settings.setValue({ ...DEFAULT_SETTINGS, reminders: true, workingHours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' } });
    register();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-sync', scheduledTime: NOW });
    await settle();
    expect(notices).toEqual([]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-reminder', scheduledTime: NOW });
    await settle();
    expect(notices).toEqual([{ id: 'timecamp-info', options: expect.objectContaining({ title: 'TimeCamp', message: expect.stringContaining('No timer is running') }) }]);
  });
});

describe('unregistering', () => {
  it('stops hearing every event', async () => {
    await account.setValue(signedIn);
    await runningTimer.setValue(running);
    await settings.setValue({ ...DEFAULT_SETTINGS, idleDetection: true, reminders: true });
    const { engine, stopListening } = register();
    await settle();
    stopListening();
    expect([events.command.count(), events.menu.count(), events.idle.count()]).toEqual([0, 0, 0]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await fakeBrowser.notifications.onButtonClicked.trigger('timecamp-idle', 0);
    await fakeBrowser.notifications.onClosed.trigger('timecamp-idle', true);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'timecamp-reminder', scheduledTime: NOW });
    detection.mockClear();
    await settings.setValue({ ...DEFAULT_SETTINGS, idleMinutes: 20 });
    await settle();
    expect(menus.create).not.toHaveBeenCalled();
    expect(detection).not.toHaveBeenCalled();
    expect(notices).toEqual([]);
    expect(engine.stop).not.toHaveBeenCalled();
  });
});
