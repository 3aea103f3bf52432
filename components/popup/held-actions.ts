import { formatMoment, formatTimeOfDay, secondsOfApiTime, type TimeFormat } from '@/components/format/time';
import { t, uiLanguage } from '@/lib/i18n';
import type { TaskSource } from '@/components/task-picker/task-source';
import type { ActionQueue, Attention, QueuedAction } from '@/lib/storage/queue';

/** An action TimeCamp refused, or that failed too often: it waits for the user's Retry or Discard. */
export type HeldAction = QueuedAction & { attention: Attention };

/**
 * The signed-in account's queued actions: those held for the user, in the
 * order they were made, and how many others wait to be sent. Another
 * account's actions are never shown (they are never sent under this one).
 */
export function accountQueue(queue: ActionQueue | undefined, accountKey: string | null): { held: HeldAction[]; waiting: number } {
  const mine = queue?.actions.filter((action) => action.account === accountKey) ?? [];
  const held = mine.filter((action): action is HeldAction => action.attention !== undefined);
  return { held, waiting: mine.length - held.length };
}

interface Context {
  tasks: TaskSource | null;
  timeFormat: TimeFormat;
  /** The account's today (`YYYY-MM-DD`): an entry for another day names its date. */
  today: string;
}

/** What the user did, in their terms: "Start timer on Meetings", "Add entry 09:00–10:30 Meetings". */
export function describeHeld(action: QueuedAction, { tasks, timeFormat, today }: Context): string {
  const taskName = (taskId: number | undefined) => tasks?.byId(taskId)?.name;
  switch (action.type) {
    case 'start': {
      const name = taskName(action.taskId);
      return name ? t('popup_heldStart', name) : t('popup_heldStartUnnamed');
    }
    case 'stop':
      return t('popup_heldStop');
    case 'discard':
      return t('popup_heldDiscardTimer');
    case 'edit-running': {
      const changes = [action.taskId, action.note, action.billable].filter((value) => value !== undefined);
      if (changes.length !== 1) return t('popup_heldEditRunning');
      if (action.note !== undefined) return t('popup_heldEditNote');
      if (action.billable !== undefined) return t('popup_heldEditBillable');
      const name = taskName(action.taskId);
      return name ? t('popup_heldSwitchTask', name) : t('popup_heldEditRunning');
    }
    case 'add-entry': {
      const { entry } = action;
      const span = `${timeOf(entry.startTime, timeFormat)}–${timeOf(entry.endTime, timeFormat)}`;
      const times = entry.date === today ? span : `${shortDate(Date.parse(`${entry.date}T00:00:00Z`), 'UTC')} ${span}`;
      const name = taskName(entry.taskId);
      return name ? t('popup_heldAddEntry', [times, name]) : t('popup_heldAddEntryNoTask', times);
    }
    case 'edit-entry':
      return t('popup_heldEditEntry');
    case 'delete-entry':
      return t('popup_heldDeleteEntry');
  }
}

/**
 * When the user acted, on their own clock (they remember clicking at their
 * time, not the account's): the time, with the date when it was not today.
 */
export function actedAt(at: number, now: number, timeFormat: TimeFormat): string {
  const time = formatMoment(at, -new Date(at).getTimezoneOffset(), timeFormat);
  return new Date(at).toDateString() === new Date(now).toDateString() ? time : t('popup_heldWhenDay', [shortDate(at), time]);
}

/** `HH:MM:SS` (account time) as the user reads times. */
function timeOf(apiTime: string, timeFormat: TimeFormat): string {
  const seconds = secondsOfApiTime(apiTime);
  return seconds === null ? '' : formatTimeOfDay(seconds, timeFormat);
}

/** "Nov 27" / "27 lis", in the browser's zone unless told otherwise. */
function shortDate(epochMs: number, timeZone?: 'UTC'): string {
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', timeZone }).format(epochMs);
}
