import { formatApiDate, formatApiDateTime, type NewActivity, type TimeCampClient } from '@/lib/api';
import type { WaitingSpan } from './outbox';

/** Spans per request: a day's cap goes in twenty requests, a request stays a few kilobytes. */
export const BATCH_SIZE = 100;

/** How TimeCamp's own clients name the browser's activity. */
export const APPLICATION_NAME = 'Internet';

/** Whole seconds, as TimeCamp stores them. */
const wholeSeconds = (at: number) => Math.floor(at / 1000) * 1000;

/** A span as TimeCamp's computer activity, in the account's zone (`offsetOf` a moment); the title only when one was recorded. */
export function asActivity(span: WaitingSpan, offsetOf: (at: number) => number): NewActivity {
  return {
    applicationName: APPLICATION_NAME,
    websiteDomain: span.domain,
    ...(span.title !== null ? { windowTitle: span.title } : {}),
    startTime: formatApiDateTime(wholeSeconds(span.start), offsetOf(span.start)),
    endTime: formatApiDateTime(wholeSeconds(span.end), offsetOf(span.end)),
    ...(span.taskId !== null ? { taskId: span.taskId } : {}),
  };
}

/**
 * The spans of a batch TimeCamp already has: a row of the day that ends when
 * the span ends, lasts as long, and names its site. A batch whose answer was
 * lost is checked this way before anything of it is sent again.
 */
export async function landedSpans(api: TimeCampClient, spans: readonly WaitingSpan[], offsetOf: (at: number) => number): Promise<Set<WaitingSpan>> {
  const days = [...new Set(spans.map((span) => formatApiDate(wholeSeconds(span.end), offsetOf(span.end))))];
  const rows = (await Promise.all(days.map((date) => api.activities.list({ date })))).flat();
  const appIds = [...new Set(rows.map((row) => row.applicationId).filter((id): id is number => id !== null))];
  const apps = appIds.length > 0 ? await api.activities.applications(appIds) : [];
  const siteOf = new Map(apps.filter((app) => app.name === APPLICATION_NAME).map((app) => [app.applicationId, app.info]));
  const landed = new Set<WaitingSpan>();
  for (const span of spans) {
    const { endTime } = asActivity(span, offsetOf);
    const duration = (wholeSeconds(span.end) - wholeSeconds(span.start)) / 1000;
    const found = rows.some((row) => row.endTime === endTime && row.durationSeconds === duration && row.applicationId !== null && siteOf.get(row.applicationId) === span.domain);
    if (found) landed.add(span);
  }
  return landed;
}
