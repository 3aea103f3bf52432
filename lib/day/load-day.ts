import { secondsOfApiTime as secondsOf } from '@/components/format/time';
import type { Activity, Application, AttendanceDay, AwayPeriod, Entry, TimeCampClient } from '@/lib/api';
import { formatApiDate } from '@/lib/api/dates';
import type { WaitingEntry } from '@/lib/entries/waiting';
import type { TaskNode } from '@/lib/tasks/tree';
import type { DayActivity, DayAway, DayData, DayEntry, DaySection } from './day-data';

const DAY = 86_400;

/** The day before `YYYY-MM-DD`. */
export function previousDate(date: string): string {
  return formatApiDate(Date.parse(`${date}T00:00:00Z`) - DAY * 1000, 0);
}

/** A section that is an extra: its failure costs the view that section only. */
async function extra<T>(section: DaySection, request: () => Promise<T>, missing: DaySection[]): Promise<T | null> {
  try {
    return await request();
  } catch {
    missing.push(section);
    return null;
  }
}

/**
 * An entry on the shown day, or null when it has no part in it. An entry whose end is before its
 * start runs past midnight (a TimeCamp entry has one date): on its own date it ends after 24:00, on
 * the next day it began before 00:00.
 */
export function placeEntry(entry: Entry, date: string, tasks: ReadonlyMap<number, TaskNode>, waitingId?: string): DayEntry | null {
  const ownDay = entry.date === date;
  let start = secondsOf(entry.startTime);
  let end = secondsOf(entry.endTime);
  const acrossMidnight = start !== null && end !== null && end < start;
  if (!ownDay && !acrossMidnight) return null;
  if (acrossMidnight) {
    if (ownDay) end! += DAY;
    else start! -= DAY;
  }
  if (start !== null && end === null) end = start + entry.durationSeconds;
  const task = entry.taskId === null ? undefined : tasks.get(entry.taskId);
  return {
    id: entry.id,
    ...(waitingId !== undefined && { waitingId }),
    date: entry.date,
    taskId: entry.taskId,
    taskName: task?.name ?? entry.taskName,
    color: task?.color ?? entry.color,
    note: entry.note,
    billable: entry.billable,
    locked: entry.locked,
    start,
    end,
    durationSeconds: entry.durationSeconds,
  };
}

function awayOf(period: AwayPeriod, date: string): DayAway | null {
  if (!period.startTime || !period.endTime) return null;
  const offsetOf = (value: string) => (value.length > 10 && value.slice(0, 10) !== date ? (value.slice(0, 10) < date ? -DAY : DAY) : 0);
  const start = secondsOf(period.startTime)! + offsetOf(period.startTime);
  const end = secondsOf(period.endTime)! + offsetOf(period.endTime);
  return end > start ? { start, end, description: period.description } : null;
}

/** Activity rows end at `end_time` and last `time_span`: web sites are named by their domain, other applications by name. */
function activityOf(rows: readonly Activity[], apps: readonly Application[], date: string): DayActivity[] {
  const names = new Map(apps.map((app) => [app.applicationId, app.info.trim() || app.name]));
  const spans: DayActivity[] = [];
  for (const row of rows) {
    if (!row.endTime || row.durationSeconds <= 0) continue;
    const end = secondsOf(row.endTime)! + (row.endTime.slice(0, 10) === date ? 0 : row.endTime.slice(0, 10) < date ? -DAY : DAY);
    const site = (row.applicationId !== null && names.get(row.applicationId)) || '';
    if (site) spans.push({ start: end - row.durationSeconds, end, site });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export interface LoadDayOptions {
  date: string;
  userId: number;
  /** The cached task tree's nodes: names and colours without a request. */
  tasks: readonly TaskNode[];
  /** Entries the user made that wait in the queue, for this day. */
  waiting?: readonly WaitingEntry[];
}

/**
 * One day of the signed-in user, one request per section, all at once: the entries (the day
 * before's too, in the same request, for one that runs past midnight into this day), attendance,
 * time away, and computer activity. Activity rows name their application by id only, so the
 * applications they name are asked for once the rows are in (part of the activity section).
 */
export async function loadDay(client: TimeCampClient, { date, userId, tasks, waiting = [] }: LoadDayOptions): Promise<DayData> {
  const unavailable: DaySection[] = [];
  const [entries, attendance, away, activity] = await Promise.all([
    client.entries.list({ from: previousDate(date), to: date, userIds: ['me'] }),
    extra('attendance', () => client.attendance.list({ from: date, to: date, userIds: [userId] }), unavailable),
    extra('away', () => client.awayTime.list({ from: date, to: date, userIds: [userId] }), unavailable),
    extra(
      'activity',
      async () => {
        const rows = (await client.activities.list({ date })).filter((row) => row.userId === userId);
        const ids = [...new Set(rows.map((row) => row.applicationId).filter((id): id is number => id !== null))];
        return activityOf(rows, ids.length ? await client.activities.applications(ids) : [], date);
      },
      unavailable,
    ),
  ]);
  const byId = new Map(tasks.map((node) => [node.taskId, node]));
  const placed = [
    // Asked for the user's own; filtered again in case a server generation answers everyone's.
    ...entries.filter((entry) => entry.userId === userId).map((entry) => placeEntry(entry, date, byId)),
    ...waiting.map(({ actionId, entry }) => placeEntry(entry, date, byId, actionId)),
  ].filter((entry): entry is DayEntry => entry !== null);
  const day: AttendanceDay | undefined = attendance?.find((row) => row.userId === userId && row.date === date);
  return {
    date,
    entries: placed.sort((a, b) => (a.start ?? 0) - (b.start ?? 0)),
    attendance: day ? { start: secondsOf(day.startTime), end: secondsOf(day.endTime), workedSeconds: day.workedSeconds } : null,
    away: (away ?? []).filter((period) => period.userId === userId).flatMap((period) => awayOf(period, date) ?? []),
    activity: activity ?? [],
    unavailable,
  };
}
