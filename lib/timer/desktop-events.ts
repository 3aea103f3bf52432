import { browser } from 'wxt/browser';
import * as v from 'valibot';
import type { IncomingMessage } from '@/lib/messaging/handlers';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { requireExtensionPage } from '@/lib/messaging/sender';
import { issueFromAnswer } from '@/lib/messaging/timer-schemas';
import { parsePayload } from '@/lib/messaging/validate';
import { settings } from '@/lib/storage/settings';
import type { TaskService } from '@/lib/tasks/service';
import { createIdleHandling, type IdleChoice } from './idle';
import { notify } from './notify';
import { createQuickStart } from './quick-start';
import { remindToTrack } from './reminder';
import type { TimerService } from './service';
import { say } from '@/lib/i18n';

export const TOGGLE_COMMAND = 'toggle-timer';
export const MENU_SELECTION = 'start-with-selection';
export const MENU_PAGE = 'track-this-page';
const REMINDER_ALARM = 'timecamp-reminder';
const IDLE_NOTICE = 'timecamp-idle';

const tell = (message: string) => notify('timecamp-info', { title: 'TimeCamp', message });

/**
 * The ways to track without opening the popup: keyboard shortcut, context
 * menu, idle detection and reminders. Registered at the worker's top level.
 */
export function registerDesktopEvents(timer: TimerService, tasks: TaskService, now = Date.now): () => void {
  const quick = createQuickStart({
    engine: timer.engine,
    startFromIssue: (issue, at) => tasks.startFromIssue(issue, timer.engine, at),
    // The tab's page answers: only an issue with an http(s) link is taken.
    readIssue: async (tabId) => issueFromAnswer(await sendMessage('readIssue', undefined, tabId)),
    tell,
    now,
  });
  const idle = createIdleHandling({
    engine: timer.engine,
    now,
    ask: (period, taskName) =>
      notify(IDLE_NOTICE, {
        title: say('bg_idleTitle', 'You were away for $1 min', [Math.round(((period.returnedAt ?? now()) - period.since) / 60_000)]),
        message: say('bg_idleMessage', 'The timer on $1 kept running. Keep that time, or discard it?', [taskName || say('bg_yourTask', 'your task')]),
        buttons: [say('bg_idleDiscard', 'Discard idle time'), say('bg_idleDiscardContinue', 'Discard and continue')],
      }),
  });

  const onCommand = (command: string) => command === TOGGLE_COMMAND && void quick.toggle();
  const onMenu = (info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number; title?: string }) => {
    if (info.menuItemId === MENU_SELECTION && info.selectionText) void quick.startWithSelection(info.selectionText);
    if (info.menuItemId === MENU_PAGE) void quick.trackPage(tab ?? {});
  };
  const onInstalled = () => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU_SELECTION, title: say('bg_menuSelection', "Start timer with '%s'"), contexts: ['selection'] });
      browser.contextMenus.create({ id: MENU_PAGE, title: say('bg_menuPage', 'Track this page'), contexts: ['page'] });
    });
    void browser.alarms.create(REMINDER_ALARM, { periodInMinutes: 15 });
  };
  const onIdle = (state: 'active' | 'idle' | 'locked') => void idle.onStateChanged(state);
  const choose = (choice: IdleChoice) => {
    void idle.resolve(choice);
    void browser.notifications.clear(IDLE_NOTICE);
  };
  const onButton = (id: string, index: number) => id === IDLE_NOTICE && choose(index === 0 ? 'discard' : 'discard-and-continue');
  const onClosed = (id: string, byUser: boolean) => id === IDLE_NOTICE && byUser && choose('keep');
  const onAlarm = (alarm: { name: string }) => alarm.name === REMINDER_ALARM && void remindToTrack(now(), tell);
  const IdleChoiceSchema = v.strictObject({ choice: v.picklist(['discard', 'discard-and-continue', 'keep']) });
  const onResolveIdle = async ({ data, sender }: IncomingMessage) => {
    requireExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));
    choose(parsePayload('resolveIdle', IdleChoiceSchema, data).choice);
  };
  const setThreshold = (minutes: number) => browser.idle.setDetectionInterval(Math.max(60, minutes * 60));

  browser.commands.onCommand.addListener(onCommand);
  browser.contextMenus.onClicked.addListener(onMenu);
  browser.runtime.onInstalled.addListener(onInstalled);
  browser.idle.onStateChanged.addListener(onIdle);
  browser.notifications.onButtonClicked?.addListener(onButton);
  browser.notifications.onClosed.addListener(onClosed);
  browser.alarms.onAlarm.addListener(onAlarm);
  const removeResolveIdle = onMessage('resolveIdle', onResolveIdle);
  void settings.getValue().then((prefs) => setThreshold(prefs.idleMinutes));
  const unwatch = settings.watch((prefs) => prefs && setThreshold(prefs.idleMinutes));

  return () => {
    browser.commands.onCommand.removeListener(onCommand);
    browser.contextMenus.onClicked.removeListener(onMenu);
    browser.runtime.onInstalled.removeListener(onInstalled);
    browser.idle.onStateChanged.removeListener(onIdle);
    browser.notifications.onButtonClicked?.removeListener(onButton);
    browser.notifications.onClosed.removeListener(onClosed);
    browser.alarms.onAlarm.removeListener(onAlarm);
    removeResolveIdle();
    unwatch();
  };
}
