import { describe, expect, it } from 'vitest';
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
