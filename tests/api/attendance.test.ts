import { describe, expect, it, vi } from 'vitest';
import { createTimeCampClient } from '@/lib/api';
import { useSandbox } from './use-sandbox';

const env = useSandbox();

describe('attendance and away time', () => {
  it('gives the days worked this week with seconds as numbers', async () => {
    const { clock, demo } = env.sandbox;
    const to = clock.localDate();
    const from = clock.localDate(clock.now() - 6 * 86_400_000);

    const days = await env.client().attendance.list({ from, to, userIds: [demo.userId] });
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) {
      expect(day).toMatchObject({ userId: demo.userId, workedSeconds: expect.any(Number), approved: expect.any(Boolean) });
      expect(day.date >= from && day.date <= to).toBe(true);
    }
  });

  it('gives the periods away from the computer', async () => {
    const { clock, demo } = env.sandbox;
    const to = clock.localDate();
    const from = clock.localDate(clock.now() - 6 * 86_400_000);

    const away = await env.client().awayTime.list({ from, to, userIds: [demo.userId] });
    expect(away.length).toBeGreaterThan(0);
    expect(away[0]).toMatchObject({ userId: demo.userId, startTime: expect.any(String), endTime: expect.any(String), durationSeconds: expect.any(Number) });
  });

  it('gives the days of several people, or of everyone the token may see', async () => {
    const { clock, demo } = env.sandbox;
    const to = clock.localDate();
    const from = clock.localDate(clock.now() - 6 * 86_400_000);
    const attendance = env.client().attendance;

    const two = await attendance.list({ from, to, userIds: [demo.userId, demo.users.manager] });
    expect(new Set(two.map((day) => day.userId))).toEqual(new Set([demo.userId, demo.users.manager]));
    const everyone = await attendance.list({ from, to });
    expect(new Set(everyone.map((day) => day.userId)).size).toBeGreaterThan(2);
  });
});

describe('the day of an away period', () => {
  function answering(answer: unknown) {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }));
    return createTimeCampClient({ token: 'secret', baseUrl: env.sandbox.url, fetch }).awayTime;
  }

  it('is the date sent, else the day it started, else unknown', async () => {
    const away = await answering([
      { user_id: '5', date: '2026-11-27', start_time: '12:00:00', end_time: '12:30:00' },
      { user_id: '5', start_time: '2026-11-26 12:00:00', end_time: '2026-11-26 12:30:00' },
      { user_id: '5', start_time: null, end_time: null },
    ]).list({ from: '2026-11-26', to: '2026-11-27' });
    expect(away.map((period) => period.date)).toEqual(['2026-11-27', '2026-11-26', null]);
  });
});
