import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { patchToday, removeFromToday } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { runningTimer, timerKey, type IssueRef, type RunningTimer } from '@/lib/storage/timer';
import { syncState } from '@/lib/storage/sync';
import { eventEntries } from '@/lib/timer/event-entries';
import type { TimerService } from '@/lib/timer/service';
import type { IncomingMessage } from './handlers';
import { MessageRefusedError } from './refusal';
import { requireExtensionPage, requireOwnSender, type MessageSenderLike } from './sender';
import { ActionIdSchema, EditEntrySchema, EventEntrySchema, EditWaitingEntrySchema, EntryIdSchema, MoveStartSchema, WaitingEntryIdSchema, NewEntrySchema, StartRequestSchema, SyncRequestSchema, UpdateTimerSchema } from './timer-schemas';
import { parsePayload } from './validate';
import { say } from '@/lib/i18n';

/** `stopTimer`'s payload: the popup sends none, a button the key of the timer it showed (`timerKey`). */
const StopRequestSchema = v.optional(v.strictObject({ timer: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))) }), {});

const fromUs = (sender: MessageSenderLike) => requireOwnSender(sender, browser.runtime.id);
const fromOwnPage = (sender: MessageSenderLike) => requireExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));

async function requireSignedIn(): Promise<void> {
  if (!(await account.getValue())) throw new MessageRefusedError(say('bg_signInFirst', 'Sign in to TimeCamp first: open the extension and enter your API token.'));
}

/**
 * Messages that drive the timer and entries. Buttons in trackers may start
 * and stop; everything that edits or deletes comes only from the extension's
 * own pages.
 */
export interface TimerHooks {
  onStarted?(taskId: number, request: { remember?: boolean; source?: IssueRef | null }): Promise<void>;
  onStopped?(stopped: RunningTimer): void;
}

export function timerHandlers(service: TimerService, hooks: TimerHooks = {}) {
  return {
    async startTimer({ data, sender }: IncomingMessage): Promise<void> {
      // The popup and the picker frame only: a button starts through startFromIssue.
      fromOwnPage(sender);
      const at = Date.now();
      const request = parsePayload('startTimer', StartRequestSchema, data);
      await requireSignedIn();
      await service.engine.start({ ...request, at });
      await hooks.onStarted?.(request.taskId, request);
    },
    async stopTimer({ data, sender }: IncomingMessage): Promise<void> {
      fromUs(sender);
      const at = Date.now();
      const { timer: shown } = parsePayload('stopTimer', StopRequestSchema, data);
      await requireSignedIn();
      const stopped = await runningTimer.getValue();
      // A button's Stop names the timer it showed: one started since (another issue, another tab,
      // TimeCamp's app) is not its to stop. The engine checks it in the section that stops, so no
      // start slips in between; the button then draws what storage says runs.
      await service.engine.stop(at, shown);
      if (stopped && (shown === undefined || timerKey(stopped) === shown)) hooks.onStopped?.(stopped);
      void service.refreshDay();
    },
    async discardTimer({ sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      await service.engine.discard();
    },
    async updateTimer({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      await service.engine.update(parsePayload('updateTimer', UpdateTimerSchema, data));
    },
    async moveTimerStart({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const { startedAt } = parsePayload('moveTimerStart', MoveStartSchema, data);
      await requireSignedIn();
      if (startedAt > Date.now()) throw new MessageRefusedError(say('bg_startInFuture', 'The start cannot be in the future.'));
      await service.engine.moveStart(startedAt);
    },
    async addEntry({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const entry = parsePayload('addEntry', NewEntrySchema, data);
      await requireSignedIn();
      await service.engine.addEntry(entry);
      void service.refreshDay();
    },
    async addEventEntry({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const { start, end, ...fields } = parsePayload('addEventEntry', EventEntrySchema, data);
      if (end > Date.now() + 60_000) throw new MessageRefusedError(say('bg_eventNotOver', 'Only an event that is over can become an entry.'));
      await requireSignedIn();
      for (const entry of eventEntries({ start, end }, await syncState.getValue(), fields)) await service.engine.addEntry(entry);
      void service.refreshDay();
    },
    async editEntry({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const { entryId, changes } = parsePayload('editEntry', EditEntrySchema, data);
      await patchToday(entryId, changes);
      await service.engine.editEntry(entryId, changes);
      void service.refreshDay();
    },
    async deleteEntry({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const { entryId } = parsePayload('deleteEntry', EntryIdSchema, data);
      await removeFromToday(entryId);
      await service.engine.deleteEntry(entryId);
      void service.refreshDay();
    },
    async editWaitingEntry({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const { actionId, entry } = parsePayload('editWaitingEntry', EditWaitingEntrySchema, data);
      await requireSignedIn();
      if (!(await service.engine.reviseWaiting(actionId, entry))) throw new MessageRefusedError(reachedTimeCamp());
      void service.refreshDay();
    },
    async deleteWaitingEntry({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const { actionId } = parsePayload('deleteWaitingEntry', WaitingEntryIdSchema, data);
      await requireSignedIn();
      if (!(await service.engine.dropWaiting(actionId))) throw new MessageRefusedError(reachedTimeCamp());
      void service.refreshDay();
    },
    async syncNow({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      const { periodic } = parsePayload('syncNow', SyncRequestSchema, data);
      const changed = await service.syncIfStale();
      // An open popup keeps in step every few seconds: the day is refetched only when the timer changed.
      if (!periodic) void service.refreshDay(true);
      else if (changed) void service.refreshDay();
    },
    async retryAction({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      await service.queue.retry(parsePayload('retryAction', ActionIdSchema, data).id);
      void service.refreshDay();
    },
    async discardAction({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      await service.queue.discard(parsePayload('discardAction', ActionIdSchema, data).id);
      void service.refreshDay();
    },
  };
}

/** A waiting entry that TimeCamp has by now: it is edited as any entry, once the day shows it. */
const reachedTimeCamp = () => say('bg_waitingEntrySent', 'This entry has just reached TimeCamp. Edit it again in a moment.');
