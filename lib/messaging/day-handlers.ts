import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { createTimeCampClient } from '@/lib/api';
import type { DayData } from '@/lib/day/day-data';
import { loadDay } from '@/lib/day/load-day';
import { waitingEntries } from '@/lib/entries/waiting';
import { say } from '@/lib/i18n';
import { account, accountKeyOf } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { readTaskCache } from '@/lib/tasks/cache';
import { accountDate, accountDateTime } from '@/lib/timer/account-time';
import type { IncomingMessage } from './handlers';
import { MessageRefusedError } from './refusal';
import { requireExtensionPage } from './sender';
import { parsePayload } from './validate';

const LoadDaySchema = v.strictObject({ date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'), v.check((date) => !Number.isNaN(Date.parse(date)), 'must be a day')) });

/**
 * `loadDay`, for the day view: the signed-in user's day from TimeCamp (its entries, attendance,
 * time away and computer activity: the user's data, so for the extension's own pages only), with
 * the entries still waiting in the queue for that day.
 */
export async function handleLoadDay({ data, sender }: IncomingMessage): Promise<DayData> {
  requireExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));
  const { date } = parsePayload('loadDay', LoadDaySchema, data);
  const signedIn = await account.getValue();
  if (!signedIn) throw new MessageRefusedError(say('bg_signInFirst', 'Sign in to TimeCamp first: open the extension and enter your API token.'));
  const key = accountKeyOf(signedIn);
  const [cache, queue, sync] = await Promise.all([readTaskCache(key), actionQueue.getValue(), syncState.getValue()]);
  const accountTime = (at: number) => ({ date: accountDate(sync, at), dateTime: accountDateTime(sync, at) });
  return loadDay(createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl }), {
    date,
    userId: signedIn.user.userId,
    tasks: cache?.nodes ?? [],
    waiting: waitingEntries(queue, key, date, accountTime),
  });
}
