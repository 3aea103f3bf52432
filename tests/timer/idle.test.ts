import { describe, expect, it } from 'vitest';
import { settings, DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';
import { createIdleHandling, idlePeriod, type IdlePeriod } from '@/lib/timer/idle';
import { MINUTE, useTimerHarness } from './harness';

process.env.TZ = 'America/Los_Angeles';

const h = useTimerHarness();

async function runningFor(minutes: number) {
  await settings.setValue({ ...DEFAULT_SETTINGS, idleDetection: true, idleMinutes: 10 });
  const { engine, queue } = h.boot();
  await engine.start({ taskId: h.env.sandbox.demo.tasks.githubIssue, note: 'deep work' });
  await queue.drain();
  h.advance(minutes * MINUTE);
  const asked: IdlePeriod[] = [];
  const idle = createIdleHandling({ engine, now: () => h.env.sandbox.clock.now(), ask: async (period) => void asked.push(period) });
  return { engine, queue, idle, asked };
}

describe('idle detection', () => {
  it('asks on return, and "Discard idle time" stops the timer when the idleness began', async () => {
    const { idle, queue, asked } = await runningFor(30);
    await idle.onStateChanged('idle'); // reported 10 minutes into the idleness: it began at 10:20
    h.advance(50 * MINUTE);
    await idle.onStateChanged('locked');
    await idle.onStateChanged('active');
    expect(asked).toEqual([{ since: h.env.sandbox.clock.now() - 60 * MINUTE, returnedAt: h.env.sandbox.clock.now() }]);

    await idle.resolve('discard');
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:20:00', description: 'deep work' })]);
    expect(await runningTimer.getValue()).toBeNull();
    expect(await idlePeriod.getValue()).toBeNull();
  });

  it('"Discard and continue" cuts the time away and starts the same task and note again from now', async () => {
    const { idle, queue } = await runningFor(30);
    await idle.onStateChanged('idle');
    h.advance(50 * MINUTE);
    await idle.onStateChanged('active');

    await idle.resolve('discard-and-continue');
    await queue.drain();

    const entries = h.newEntries();
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.end_time === '10:20:00')).toBeDefined();
    expect(h.serverTimer()).toMatchObject({ task_id: h.env.sandbox.demo.tasks.githubIssue, started_at: h.env.sandbox.clock.now() });
    expect(await runningTimer.getValue()).toMatchObject({ note: 'deep work', startedAt: h.env.sandbox.clock.now() });
  });

  it('"Keep" leaves the timer as it was', async () => {
    const { idle, queue } = await runningFor(30);
    await idle.onStateChanged('idle');
    h.advance(50 * MINUTE);
    await idle.onStateChanged('active');

    await idle.resolve('keep');
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00' })]);
    expect(h.serverTimer()).not.toBeNull();
  });

  it('does nothing while idle detection is off, or when no timer runs', async () => {
    const { idle, asked } = await runningFor(30);
    await settings.setValue({ ...DEFAULT_SETTINGS, idleDetection: false });
    await idle.onStateChanged('idle');
    await idle.onStateChanged('active');
    expect(asked).toEqual([]);
  });
});
