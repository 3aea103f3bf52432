import type { DayEntry } from '@/lib/day/day-data';
import { DAY } from './layout';

export interface TaskTotal {
  taskId: number | null;
  name: string;
  color: string | null;
  seconds: number;
}

/** The part of an entry inside the shown day: all of it for one held as a duration only. */
function secondsInDay(entry: DayEntry): number {
  if (entry.start === null || entry.end === null) return entry.durationSeconds;
  return Math.max(0, Math.min(DAY, entry.end) - Math.max(0, entry.start));
}

/** Time per task on the shown day, most time first. */
export function taskTotals(entries: readonly DayEntry[]): TaskTotal[] {
  const totals = new Map<number | null, TaskTotal>();
  for (const entry of entries) {
    const total = totals.get(entry.taskId) ?? { taskId: entry.taskId, name: entry.taskName, color: entry.color, seconds: 0 };
    total.seconds += secondsInDay(entry);
    totals.set(entry.taskId, total);
  }
  return [...totals.values()].sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name));
}
