import { describe, expect, it } from 'vitest';
import type { AttendanceDay, AwayPeriod, Entry, TimeCampClient } from '@/lib/api';
import { mondayOf, patchToday, refreshToday, removeFromToday, today } from '@/lib/entries/today';
import { T0, useTimerHarness } from '../timer/harness';

const h = useTimerHarness();

/** Friday at 18:00 in the account's zone, the week seeded up to then: a full day of entries and a lunch break. */
function endOfFriday() {
  h.env.sandbox.clock.set(T0 + 8 * 3600_000);
  h.env.sandbox.reset();
  return h.env.sandbox.clock.localDate();
}

describe("the popup's day", () => {
  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-27')).toBe('2026-11-23'); // a Friday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
  });

  it("holds today's entries in order, the week's total, attendance and time away", async () => {
    const { sandbox } = h.env;
    const date = endOfFriday();
    const userId = sandbox.demo.userId;
    const day = await refreshToday(h.env.client(), 'key', date, userId, 0);

    const seeded = [...sandbox.state.entries.values()].filter((entry) => entry.user_id === userId);
    expect(day.entries.map((entry) => entry.id).sort()).toEqual(seeded.filter((entry) => entry.date === date).map((entry) => entry.id).sort());
    expect(day.entries.map((entry) => entry.startTime)).toEqual([...day.entries.map((entry) => entry.startTime)].sort());
    const monday = mondayOf(date);
    expect(day.weekSeconds).toBe(seeded.filter((entry) => entry.date >= monday && entry.date <= date).reduce((sum, entry) => sum + entry.duration, 0));
    expect(day.attendance).toMatchObject({ userId, date });
    expect(day.away.length).toBeGreaterThan(0);
    expect(await today.getValue()).toEqual(day);
  });

  it('keeps the entries when attendance is not available', async () => {
    const { sandbox } = h.env;
    const date = endOfFriday();
    const client = h.env.client();
    const failing = { ...client, attendance: { list: () => Promise.reject(new Error('no attendance on this plan')) } };
    const day = await refreshToday(failing, 'key', date, sandbox.demo.userId, 0);
    expect(day.attendance).toBeNull();
    expect(day.entries.length).toBeGreaterThan(0);
  });

  it('shows edits and deletions at once', async () => {
    const { sandbox } = h.env;
    const date = endOfFriday();
    const [first, second] = (await refreshToday(h.env.client(), 'key', date, sandbox.demo.userId, 0)).entries;

    await patchToday(first!.id, { note: 'Edited', durationSeconds: 60 });
    await removeFromToday(second!.id);

    const day = (await today.getValue())!;
    expect(day.entries[0]).toMatchObject({ id: first!.id, note: 'Edited', durationSeconds: 60 });
    expect(day.entries.some((entry) => entry.id === second!.id)).toBe(false);
  });
});

describe("the popup's day, from a server that answers more than was asked", () => {
  /** The week as `refreshToday` asked for it, with what a server of another generation might add. */
  function answering(extra: { entries?: (entries: Entry[]) => Entry[]; attendance?: AttendanceDay[]; away?: AwayPeriod[] }): TimeCampClient {
    const client = h.env.client();
    return {
      ...client,
      entries: { ...client.entries, list: async (query) => (extra.entries ?? ((e) => e))(await client.entries.list(query)) },
      attendance: { list: async (query) => [...(extra.attendance ?? []), ...(await client.attendance.list(query))] },
      awayTime: { list: async (query) => [...(extra.away ?? []), ...(await client.awayTime.list(query))] },
    };
  }
  const colleague = 999_999;

  it("shows today's entries earliest first whatever order they come in", async () => {
    const date = endOfFriday();
    const day = await refreshToday(answering({ entries: (entries) => [...entries].reverse() }), 'key', date, h.env.sandbox.demo.userId, 0);
    const starts = day.entries.map((entry) => entry.startTime);
    expect(starts.length).toBeGreaterThan(1);
    expect(starts).toEqual([...starts].sort());
    expect(new Set(day.entries.map((entry) => entry.date))).toEqual(new Set([date]));
  });

  it.each(['first', 'last'] as const)('puts an entry without a start time first when it comes %s', async (where) => {
    const date = endOfFriday();
    const day = await refreshToday(
      answering({
        entries: (entries) => {
          const today = entries.filter((entry) => entry.date === date);
          const at = where === 'first' ? 0 : today.length - 1;
          return today.map((entry, i) => (i === at ? { ...entry, startTime: null } : entry));
        },
      }),
      'key',
      date,
      h.env.sandbox.demo.userId,
      0,
    );
    expect(day.entries.length).toBeGreaterThan(2);
    expect(day.entries[0]!.startTime).toBeNull();
    expect(day.entries.slice(1).every((entry) => entry.startTime !== null)).toBe(true);
  });

  it("counts the user's own week alone, and only their own attendance and time away", async () => {
    const { sandbox } = h.env;
    const date = endOfFriday();
    const userId = sandbox.demo.userId;
    const own = await refreshToday(h.env.client(), 'key', date, userId, 0);
    const theirs = (entry: Entry): Entry => ({ ...entry, id: entry.id + 100_000, userId: colleague, note: 'not mine' });
    const day = await refreshToday(
      answering({
        entries: (entries) => [...entries, ...entries.map(theirs)],
        attendance: [
          { ...own.attendance!, userId: colleague, workedSeconds: 1 },
          { ...own.attendance!, date: mondayOf(date), workedSeconds: 2 },
        ],
        away: own.away.map((period) => ({ ...period, userId: colleague })),
      }),
      'key',
      date,
      userId,
      0,
    );

    expect(day.entries).toEqual(own.entries);
    expect(day.weekSeconds).toBe(own.weekSeconds);
    expect(day.attendance).toEqual(own.attendance);
    expect(day.away).toEqual(own.away);
  });

  it('has no attendance for a day TimeCamp has none for, and keeps the entries when time away is not available', async () => {
    const date = endOfFriday();
    const client = h.env.client();
    const day = await refreshToday(
      { ...client, attendance: { list: async () => [] }, awayTime: { list: () => Promise.reject(new Error('no away time on this plan')) } },
      'key',
      date,
      h.env.sandbox.demo.userId,
      0,
    );
    expect(day.attendance).toBeNull();
    expect(day.away).toEqual([]);
    expect(day.entries.length).toBeGreaterThan(0);
  });
});

describe("refreshing the popup's day without presence", () => {
  const presenceRequests = () => h.env.sandbox.requests.filter((r) => r.resource === 'attendance' || r.resource === 'away_time');

  it('keeps the attendance and time away it has for the same account and day, and asks only for entries', async () => {
    const { sandbox } = h.env;
    const date = endOfFriday();
    const first = await refreshToday(h.env.client(), 'key', date, sandbox.demo.userId, 0);
    sandbox.requests.length = 0;

    const again = await refreshToday(h.env.client(), 'key', date, sandbox.demo.userId, 5, false);

    expect(presenceRequests()).toEqual([]);
    expect(again).toMatchObject({ fetchedAt: 5, attendance: first.attendance, away: first.away, entries: first.entries });
  });

  it("asks for the user's own attendance and time away again on every full refresh, and on the first refresh without presence", async () => {
    const { sandbox } = h.env;
    const date = endOfFriday();
    const first = await refreshToday(h.env.client(), 'key', date, sandbox.demo.userId, 0, false);
    expect(first.attendance).toMatchObject({ userId: sandbox.demo.userId, date });
    expect(presenceRequests().map((r) => r.query)).toEqual([
      expect.objectContaining({ users: String(sandbox.demo.userId) }),
      expect.objectContaining({ users: String(sandbox.demo.userId) }),
    ]);
    sandbox.requests.length = 0;

    await refreshToday(h.env.client(), 'key', date, sandbox.demo.userId, 5);
    expect(presenceRequests()).toHaveLength(2);
  });

  it("asks again for another account's day or another day", async () => {
    const { sandbox } = h.env;
    const date = endOfFriday();
    await refreshToday(h.env.client(), 'other-key', date, sandbox.demo.userId, 0);
    sandbox.requests.length = 0;
    const forThisAccount = await refreshToday(h.env.client(), 'key', date, sandbox.demo.userId, 0, false);
    expect(presenceRequests()).toHaveLength(2);
    expect(forThisAccount.attendance).toMatchObject({ date });

    await today.setValue({ ...forThisAccount, date: mondayOf(date), attendance: null, away: [] });
    sandbox.requests.length = 0;
    const forToday = await refreshToday(h.env.client(), 'key', date, sandbox.demo.userId, 0, false);
    expect(presenceRequests()).toHaveLength(2);
    expect(forToday.attendance).toMatchObject({ date });
    expect(forToday.away.length).toBeGreaterThan(0);
  });
});

describe('showing an edit before TimeCamp has it', () => {
  async function loadDay() {
    const date = endOfFriday();
    return refreshToday(h.env.client(), 'key', date, h.env.sandbox.demo.userId, 0);
  }

  it('changes the task, the duration and the times of the edited entry only', async () => {
    const day = await loadDay();
    const [first, second] = day.entries;
    const taskId = h.env.sandbox.demo.tasks.githubPr;

    await patchToday(first!.id, { taskId, durationSeconds: 120, startTime: '07:00:00', endTime: '07:02:00' });

    const shown = (await today.getValue())!;
    expect(shown.entries[0]).toEqual({ ...first, taskId, durationSeconds: 120, startTime: '07:00:00', endTime: '07:02:00' });
    expect(shown.entries[1]).toEqual(second);
    expect(shown.entries).toHaveLength(day.entries.length);
  });

  it('leaves what the edit does not change as it was', async () => {
    const day = await loadDay();
    const [first] = day.entries;

    await patchToday(first!.id, { note: '' });

    expect((await today.getValue())!.entries).toEqual([{ ...first, note: '' }, ...day.entries.slice(1)]);
  });

  it('does nothing before the day has been fetched', async () => {
    await patchToday(1, { note: 'x' });
    await removeFromToday(1);
    expect(await today.getValue()).toBeNull();
  });
});
