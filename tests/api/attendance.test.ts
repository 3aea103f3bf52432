import { describe, expect, it } from 'vitest';
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
});
