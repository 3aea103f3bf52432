import type { AttendanceDay, AwayPeriod, Entry, TimeCampClient } from '@/lib/api';
import { formatApiDate } from '@/lib/api';
import { defineTrustedItem } from '@/lib/storage/trusted';

/** The user's day as the popup shows it: today's entries, the week's total, attendance and time away. */
export interface DaySummary {
  /** Whose day: see `accountKeyOf`. */
  accountKey: string;
  /** The account's calendar day, `YYYY-MM-DD`. */
  date: string;
  fetchedAt: number;
  /** Today's entries, earliest first. */
  entries: Entry[];
  /** Tracked since Monday (account time), today included. */
  weekSeconds: number;
  attendance: AttendanceDay | null;
  away: AwayPeriod[];
}

export const today = defineTrustedItem<DaySummary | null>('today', { fallback: null });

const DAY_MS = 86_400_000;

/** Monday of the account-local week that holds `date`. */
export function mondayOf(date: string): string {
  const at = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(at).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return formatApiDate(at - weekday * DAY_MS, 0);
}

/** Attendance and away time are extras: a server or plan without them must not cost the user their entries. */
async function optional<T>(request: Promise<T>, fallback: T): Promise<T> {
  try {
    return await request;
  } catch {
    return fallback;
  }
}

/**
 * Fetches the day and stores it: the week's entries always; attendance and
 * away time (which change slowly, and cost two more requests) only when
 * `withPresence` is set, else they are kept from the stored day.
 */
export async function refreshToday(
  client: TimeCampClient,
  accountKey: string,
  date: string,
  userId: number,
  now: number,
  withPresence = true,
): Promise<DaySummary> {
  const previous = await today.getValue();
  const keep = !withPresence && previous?.accountKey === accountKey && previous.date === date;
  const [week, attendance, away] = await Promise.all([
    client.entries.list({ from: mondayOf(date), to: date, userIds: ['me'] }),
    keep ? null : optional(client.attendance.list({ from: date, to: date, userIds: [userId] }), []),
    keep ? null : optional(client.awayTime.list({ from: date, to: date, userIds: [userId] }), []),
  ]);
  // Asked for the user's own; filtered again in case a server generation answers everyone's.
  const mine = week.filter((entry) => entry.userId === userId);
  const summary: DaySummary = {
    accountKey,
    date,
    fetchedAt: now,
    entries: mine.filter((entry) => entry.date === date).sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? '')),
    weekSeconds: mine.reduce((sum, entry) => sum + entry.durationSeconds, 0),
    attendance: attendance ? (attendance.find((day) => day.userId === userId && day.date === date) ?? null) : previous!.attendance,
    away: away ? away.filter((period) => period.userId === userId) : previous!.away,
  };
  await today.setValue(summary);
  return summary;
}

/** Shows an edit at once; the refresh after TimeCamp has it brings the server's version. */
export async function patchToday(entryId: number, changes: { note?: string; taskId?: number; durationSeconds?: number; startTime?: string; endTime?: string }): Promise<void> {
  const day = await today.getValue();
  if (!day) return;
  const entries = day.entries.map((entry) =>
    entry.id !== entryId
      ? entry
      : {
          ...entry,
          ...(changes.note !== undefined && { note: changes.note }),
          ...(changes.taskId !== undefined && { taskId: changes.taskId }),
          ...(changes.durationSeconds !== undefined && { durationSeconds: changes.durationSeconds }),
          ...(changes.startTime !== undefined && { startTime: changes.startTime }),
          ...(changes.endTime !== undefined && { endTime: changes.endTime }),
        },
  );
  await today.setValue({ ...day, entries });
}

export async function removeFromToday(entryId: number): Promise<void> {
  const day = await today.getValue();
  if (day) await today.setValue({ ...day, entries: day.entries.filter((entry) => entry.id !== entryId) });
}
