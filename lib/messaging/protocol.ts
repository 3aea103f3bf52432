import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SignInRequest, SignInResult } from '@/lib/account/sign-in';
import type { SignOutResult } from '@/lib/account/sign-out';
import type { ActivityStatus } from '@/lib/activity/service';
import type { DayData } from '@/lib/day/day-data';
import type { CustomIntegrationTrial } from '@/lib/integrations/custom/try-on-page';
import type { IssueRef } from '@/lib/storage/timer';
import type { ReportedPage } from './page-report-schema';

/** A task as a picker shows it. */
export interface TaskChoice {
  taskId: number;
  name: string;
  /** Ancestors and the task, `Client › Project › Task`. */
  path: string;
  color: string | null;
}

/** When a past calendar event happened (epoch ms): what its "Add as entry" turns into time entries. */
export interface EventRange {
  start: number;
  end: number;
}

export type StartFromIssueResult =
  | { outcome: 'started'; task: TaskChoice }
  /** No task is linked, remembered or default for this issue, or an event becomes an entry: the button opens its picker. */
  | { outcome: 'needs-task'; note: string; suggestions: TaskChoice[]; event?: EventRange }
  | { outcome: 'signed-out' };

/**
 * What a tracker's button hears back from `startFromIssue`: never a task's name, since the
 * button lives in a page whose own script shares its DOM. When a task must be picked, the
 * picker frame (an extension page) got the rest from the background already (`picker: null`),
 * or redeems `picker`, a single-use token, for it.
 */
export type ButtonStartResult = { outcome: 'started' } | { outcome: 'needs-task'; picker: string | null } | { outcome: 'signed-out' };

/** The name of a picker frame's line to the background (`runtime.connect`): this prefix, then the id the frame told its button. */
export const PICKER_LINE = 'picker:';

/** What a picker frame hears on its line: the session of its button's press. */
export interface PushedSession {
  type: 'session';
  session: PickerSession;
}

/**
 * A button's press: its issue, and the id its picker frame, loaded before the press, gave itself.
 * `event`: the press was "Add as entry" on a past calendar event; the picker then adds its time.
 */
export type IssuePress = IssueRef & { frame?: string; event?: EventRange };

/** What the picker frame shows for one press of a button: the issue, the note to start with, likely tasks. */
export interface PickerSession {
  issue: IssueRef;
  note: string;
  suggestions: TaskChoice[];
  /** The picker adds this past event as time entries rather than starting a timer. */
  event?: EventRange;
}

/** A past calendar event, added as time entries on a task (one per day of the account it covers). */
export interface EventEntryRequest extends EventRange {
  taskId: number;
  note?: string;
  billable?: boolean;
}

export interface StartRequest {
  taskId: number;
  note?: string;
  billable?: boolean;
  source?: IssueRef | null;
  /** Remember this task for `source`'s issue, so the next start needs no picker. */
  remember?: boolean;
}

export interface NewEntryRequest {
  /** `YYYY-MM-DD` and `HH:MM:SS`, account time. */
  date: string;
  startTime: string;
  endTime: string;
  durationSeconds: number;
  taskId?: number;
  note?: string;
  billable?: boolean;
}

/**
 * Every message the background answers. Content scripts import this file, so
 * it must stay free of runtime dependencies beyond the messenger itself (the
 * imports above are type-only).
 */
export interface ProtocolMap {
  /** Liveness check: answers the extension's manifest version. */
  ping(): { version: string };
  /** A content script ran on a page; the background remembers it for the tab. */
  reportPage(report: ReportedPage): void;
  /** From the extension's own pages: check a token on a server and remember the account. */
  signIn(request: SignInRequest): SignInResult;
  /** Sends what is queued first; with changes still unsent, signs out only when told to drop them. */
  signOut(request?: { dropQueue?: boolean }): SignOutResult;

  /** A tracker's button: start on the issue's linked (or remembered, or default) task. */
  startFromIssue(press: IssuePress): ButtonStartResult;
  startTimer(request: StartRequest): void;
  /**
   * `timer`: the key (`timerKey`) of the timer a button showed; it stops only that one, so a
   * stale button never stops a timer started since. Without it (the popup), whatever runs stops.
   */
  stopTimer(request?: { timer?: string }): void;
  /** From the picker frame only: the session a button's `needs-task` answer named, once. */
  pickerSession(request: { token: string }): PickerSession;
  /** From the extension's own pages only, like every message below that changes entries. */
  discardTimer(): void;
  updateTimer(changes: { taskId?: number; note?: string; billable?: boolean }): void;
  /** The running timer started at `startedAt` (epoch ms, not in the future): TimeCamp's timer is started again then. */
  moveTimerStart(request: { startedAt: number }): void;
  addEntry(entry: NewEntryRequest): void;
  /** From the picker frame: a calendar event's "Add as entry", on the task picked. */
  addEventEntry(request: EventEntryRequest): void;
  editEntry(request: { entryId: number; changes: Partial<NewEntryRequest> }): void;
  deleteEntry(request: { entryId: number }): void;
  /**
   * An entry that waits to be sent (`actionId`: its queued add-entry, or the start of a timer
   * stopped before TimeCamp had it), changed as a whole; refused once TimeCamp has it.
   */
  editWaitingEntry(request: { actionId: string; entry: NewEntryRequest & { startTime: string; endTime: string } }): void;
  /** An entry that waits to be sent, deleted; refused once TimeCamp has it. */
  deleteWaitingEntry(request: { actionId: string }): void;
  /**
   * A view opened (or, `periodic`, stays open): bring the timer in line with TimeCamp. Opens within
   * two seconds of each other cost one status request; a periodic one refetches the day only when
   * the timer changed.
   */
  syncNow(request?: { periodic?: boolean }): void;
  /** A change that needs attention (refused, or failed too often): send it again now. */
  retryAction(request: { id: string }): void;
  /** A change that needs attention: give it up, with the changes that depend on it. */
  discardAction(request: { id: string }): void;
  /** What to do with time away from the computer (the popup offers the idle notification's choices). */
  resolveIdle(request: { choice: 'discard' | 'discard-and-continue' | 'keep' }): void;
  /**
   * From the extension's own pages: one day of the signed-in user (`YYYY-MM-DD`, account time) for
   * the day view, fetched from TimeCamp with one request per section, waiting entries included.
   */
  loadDay(request: { date: string }): DayData;
  /** Tasks matching a query, best first, for pickers that do not hold the task tree (the picker frame). */
  searchTasks(request: { query: string; limit?: number }): TaskChoice[];
  /**
   * From the extension's own pages: fetch the task tree again (`asked`: the user pressed Refresh
   * tasks; `no-match`: a search found nothing, honoured at most every half minute). Answers whether
   * a new tree was stored; the views hear it through the stored tree.
   */
  refreshTasks(request: { reason: 'no-match' | 'asked' }): { refreshed: boolean };
  /** From the extension's own pages only: the browser activity waiting to be sent for the signed-in account. */
  activityStatus(): ActivityStatus;
  /** From the extension's own pages only: forget the signed-in account's browser activity that waits to be sent. */
  deleteWaitingActivity(): void;
  /** Answered by a tracker's content script (background → tab): the issue on this page now, if any. */
  readIssue(): IssueRef | null;
  /**
   * Answered by the custom integrations' content script (options page → tab): what a custom
   * integration, saved or not, finds on this page. `item` is the form's data, checked there
   * again; nothing is placed.
   */
  testCustomIntegration(item: unknown): CustomIntegrationTrial;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
