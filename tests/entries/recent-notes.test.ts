import { describe, expect, it } from 'vitest';
import type { Entry } from '@/lib/api';
import { recentNotesOf } from '@/lib/entries/recent-notes';
import type { DaySummary } from '@/lib/entries/today';

// The notes offered as recent in the task search: what the user wrote today, with its task.

const ME = 'https://app.timecamp.com|1';
const entry = (id: number, taskId: number | null, note: string): Entry => ({
  id,
  durationSeconds: 600,
  userId: 1,
  userName: 'Alex',
  taskId,
  taskName: '',
  date: '2026-11-27',
  startTime: '09:00:00',
  endTime: '09:10:00',
  note,
  billable: false,
  invoiceId: null,
  locked: false,
  addonsExternalId: null,
  modifiedAt: null,
  color: null,
});
const day = (entries: Entry[], accountKey = ME): DaySummary => ({ accountKey, date: '2026-11-27', fetchedAt: 0, entries, weekSeconds: 0, attendance: null, away: [] });

describe('recent notes', () => {
  it('offers each of the day’s notes with its task, in the day’s order, as written', () => {
    expect(recentNotesOf(day([entry(1, 7, 'call with Zoë'), entry(2, 8, ' spec review ')]), ME)).toEqual([
      { taskId: 7, note: 'call with Zoë' },
      { taskId: 8, note: ' spec review ' },
    ]);
  });

  it('leaves out entries without a task or without a note', () => {
    expect(recentNotesOf(day([entry(1, null, 'no task'), entry(2, 8, '   '), entry(3, 9, ''), entry(4, 10, 'kept')]), ME)).toEqual([{ taskId: 10, note: 'kept' }]);
  });

  it('offers nothing from another account’s day, or when no day is known', () => {
    expect(recentNotesOf(day([entry(1, 7, 'theirs')], 'https://app.timecamp.com|2'), ME)).toEqual([]);
    expect(recentNotesOf(null, ME)).toEqual([]);
    expect(recentNotesOf(undefined, ME)).toEqual([]);
  });
});
