import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { answerButton } from '@/lib/integrations/picker-sessions';
import type { TaskService } from '@/lib/tasks/service';
import type { TimerService } from '@/lib/timer/service';
import type { IncomingMessage } from './handlers';
import { requireExtensionPage, requireOwnSender } from './sender';
import { say } from '@/lib/i18n';
import { MessageRefusedError } from './refusal';
import { EventRangeSchema, IssueRefSchema } from './timer-schemas';
import { parsePayload } from './validate';

const SearchSchema = v.strictObject({
  query: v.pipe(v.string(), v.maxLength(200)),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});

const PressSchema = v.strictObject({
  ...IssueRefSchema.entries,
  frame: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  event: v.optional(EventRangeSchema),
});

const RefreshSchema = v.strictObject({ reason: v.picklist(['no-match', 'asked']) });

/** Messages the trackers' buttons send about issues and tasks. */
export function taskHandlers(tasks: TaskService, timer: TimerService) {
  const fromUs = (message: IncomingMessage) => requireOwnSender(message.sender, browser.runtime.id);
  return {
    async startFromIssue(message: IncomingMessage) {
      fromUs(message);
      const clickedAt = Date.now();
      const { frame, event, ...issue } = parsePayload('startFromIssue', PressSchema, message.data);
      // Only what has happened becomes an entry.
      if (event && event.end > clickedAt + 60_000) throw new MessageRefusedError(say('bg_eventNotOver', 'Only an event that is over can become an entry.'));
      return answerButton(issue, await tasks.startFromIssue(issue, timer.engine, clickedAt, event), message.sender.tab?.id, frame);
    },
    searchTasks(message: IncomingMessage) {
      // Task names go to the extension's own pages (the popup, the picker frame), never to a tracker page.
      requireExtensionPage(message.sender, browser.runtime.id, browser.runtime.getURL('/'));
      const { query, limit } = parsePayload('searchTasks', SearchSchema, message.data);
      return tasks.search(query, limit);
    },
    async refreshTasks(message: IncomingMessage) {
      requireExtensionPage(message.sender, browser.runtime.id, browser.runtime.getURL('/'));
      const { reason } = parsePayload('refreshTasks', RefreshSchema, message.data);
      return { refreshed: await tasks.refresh(reason) };
    },
  };
}
