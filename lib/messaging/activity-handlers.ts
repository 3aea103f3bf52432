import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ActivityService, ActivityStatus } from '@/lib/activity/service';
import type { IncomingMessage } from './handlers';
import { requireExtensionPage, type MessageSenderLike } from './sender';
import { parsePayload } from './validate';

/** Both messages carry nothing. */
const NoPayloadSchema = v.optional(v.strictObject({}));

// What the user browsed is theirs alone: content scripts, which run inside web pages, may neither read nor delete it.
const fromOwnPage = (sender: MessageSenderLike) => requireExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));

export function activityHandlers(service: ActivityService) {
  return {
    async activityStatus({ data, sender }: IncomingMessage): Promise<ActivityStatus> {
      fromOwnPage(sender);
      parsePayload('activityStatus', NoPayloadSchema, data);
      return service.status();
    },
    async deleteWaitingActivity({ data, sender }: IncomingMessage): Promise<void> {
      fromOwnPage(sender);
      parsePayload('deleteWaitingActivity', NoPayloadSchema, data);
      await service.deleteWaiting();
    },
  };
}
