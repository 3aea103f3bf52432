import { describe, expect, it } from 'vitest';
import type { Activity, Application, Entry, TimeCampClient } from '@/lib/api';
import { loadDay } from '@/lib/day/load-day';
import { buildTaskNodes } from '@/lib/tasks/tree';

const USER = 7;

function entry(fields: Partial<Entry> & { id: number }): Entry {
  return {
    durationSeconds: 3600,
    userId: USER,
    userName: 'Ada',
    taskId: 3,
    taskName: 'Design review',
    date: '2026-11-30',
    startTime: '09:00:00',
    endTime: '10:00:00',
    note: '',
    billable: false,
    invoiceId: null,
    locked: false,
    addonsExternalId: null,
    modifiedAt: null,
    color: null,
    ...fields,
  };
}

const activity = (endTime: string, seconds: number, applicationId: number): Activity => ({ userId: USER, applicationId, windowTitleId: null, endTime, durationSeconds: seconds, taskId: null, entryId: null });

const TREE = buildTaskNodes([
  { taskId: 1, parentId: null, name: 'Acme', externalTaskId: null, archived: false, color: '#e53935' },
  { taskId: 3, parentId: 1, name: 'Design review', externalTaskId: null, archived: false, color: null },
]);

/** A client answering from fixed rows; a section given as an Error fails. */
function fakeClient(answers: { entries?: Entry[]; attendance?: unknown; activity?: Activity[]; apps?: Application[] }): TimeCampClient {
  const answer = <T,>(value: T | Error | undefined, fallback: T) => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value ?? fallback));
  const client = {
    entries: { list: () => Promise.resolve(answers.entries ?? []) },
    attendance: { list: () => answer(answers.attendance, []) },
    awayTime: { list: () => Promise.resolve([]) },
    activities: { list: () => Promise.resolve(answers.activity ?? []), applications: () => Promise.resolve(answers.apps ?? []) },
  };
  return client as unknown as TimeCampClient;
}

describe('placing a day', () => {
  it('places an entry across midnight on both days it touches, with its full times kept', async () => {
    const client = fakeClient({
      entries: [
        entry({ id: 1, date: '2026-11-29', startTime: '22:00:00', endTime: '01:30:00', durationSeconds: 12_600 }),
        entry({ id: 2, date: '2026-11-29', startTime: '09:00:00', endTime: '10:00:00' }),
        entry({ id: 3, date: '2026-11-30', startTime: '23:00:00', endTime: '00:30:00', durationSeconds: 5400 }),
      ],
    });
    const day = await loadDay(client, { date: '2026-11-30', userId: USER, tasks: TREE });
    expect(day.entries.map(({ id, start, end }) => ({ id, start, end }))).toEqual([
      { id: 1, start: -7200, end: 5400 },
      { id: 3, start: 82_800, end: 88_200 },
    ]);
  });

  it("names entries from the task tree with the task's (or its parent's) colour, and marks waiting ones", async () => {
    const client = fakeClient({ entries: [entry({ id: 5, taskName: '' })] });
    const waiting = [{ actionId: 'add-1', entry: entry({ id: -1, startTime: '11:00:00', endTime: '11:30:00', durationSeconds: 1800 }) }];
    const day = await loadDay(client, { date: '2026-11-30', userId: USER, tasks: TREE, waiting });
    expect(day.entries).toEqual([
      expect.objectContaining({ id: 5, taskName: 'Design review', color: '#e53935' }),
      expect.objectContaining({ id: -1, waitingId: 'add-1', start: 39_600, end: 41_400 }),
    ]);
  });

  it('names web activity by its site and other activity by its application, from end time and length', async () => {
    const client = fakeClient({
      activity: [activity('2026-11-30 09:10:00', 600, 1), activity('2026-11-30 09:20:00', 300, 2)],
      apps: [
        { applicationId: 1, name: 'Internet', info: 'github.com', categoryId: null },
        { applicationId: 2, name: 'Slack', info: '', categoryId: null },
      ],
    });
    const day = await loadDay(client, { date: '2026-11-30', userId: USER, tasks: [] });
    expect(day.activity).toEqual([
      { start: 32_400, end: 33_000, site: 'github.com' },
      { start: 33_300, end: 33_600, site: 'Slack' },
    ]);
  });

  it('says which extra TimeCamp did not answer, and shows the entries all the same', async () => {
    const client = fakeClient({ entries: [entry({ id: 1 })], attendance: new Error('403') });
    const day = await loadDay(client, { date: '2026-11-30', userId: USER, tasks: [] });
    expect(day.unavailable).toEqual(['attendance']);
    expect(day.entries).toHaveLength(1);
  });
});
