import type { RecentNote } from '@/lib/tasks/search';
import type { DaySummary } from './today';

/**
 * The notes of the day's entries with their tasks, for search: users remember
 * what they wrote ("call with Zoë") better than where they filed it. Another
 * account's day gives none.
 */
export function recentNotesOf(day: DaySummary | null | undefined, accountKey: string): RecentNote[] {
  if (!day || day.accountKey !== accountKey) return [];
  const notes: RecentNote[] = [];
  for (const entry of day.entries) if (entry.taskId !== null && entry.note.trim() !== '') notes.push({ taskId: entry.taskId, note: entry.note });
  return notes;
}
