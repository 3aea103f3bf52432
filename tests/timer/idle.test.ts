import { describe, expect, it, vi } from 'vitest';
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

  it('asks once: a second report of the return changes neither the question nor when the user came back', async () => {
    const { idle, asked } = await runningFor(30);
    await idle.onStateChanged('idle');
    h.advance(50 * MINUTE);
    await idle.onStateChanged('active');
    const returned = h.env.sandbox.clock.now();
    h.advance(5 * MINUTE);
    await idle.onStateChanged('active');
    expect(asked).toHaveLength(1);
    expect(await idlePeriod.getValue()).toMatchObject({ returnedAt: returned });
  });

  it('asks nothing, and forgets the time away, when the timer was stopped meanwhile', async () => {
    const { engine, idle, asked } = await runningFor(30);
    await idle.onStateChanged('idle');
    h.advance(20 * MINUTE);
    await engine.stop();
    h.advance(30 * MINUTE);
    await idle.onStateChanged('active');
    expect(asked).toEqual([]);
    expect(await idlePeriod.getValue()).toBeNull();
  });

  it('a choice with nothing left to resolve (the popup and the notification both answered) changes nothing', async () => {
    const { idle, queue } = await runningFor(30);
    const before = h.newEntries();
    await idle.resolve('discard');
    await queue.drain();
    expect(h.newEntries()).toEqual(before);
    expect(await runningTimer.getValue()).not.toBeNull();

    // A question still open about a timer that has gone since.
    await idlePeriod.setValue({ since: h.env.sandbox.clock.now() - 20 * MINUTE, returnedAt: h.env.sandbox.clock.now() });
    await runningTimer.setValue(null);
    await idle.resolve('discard-and-continue');
    expect(await idlePeriod.getValue()).toBeNull();
    expect(h.serverTimer()).not.toBeNull();
  });

  it('leaves alone a timer started during the time away, which is not the one that ran on', async () => {
    const { engine, idle, queue, asked } = await runningFor(30);
    await idle.onStateChanged('idle'); // the idleness began at 10:20
    h.advance(20 * MINUTE);
    await engine.start({ taskId: h.env.sandbox.demo.tasks.githubIssue, note: 'started at 10:50' });
    await queue.drain();
    h.advance(20 * MINUTE);
    await idle.onStateChanged('active');
    expect(asked).toHaveLength(1);

    await idle.resolve('discard');
    await queue.drain();

    expect(await runningTimer.getValue()).toMatchObject({ note: 'started at 10:50', startedAt: h.env.sandbox.clock.now() - 20 * MINUTE });
    expect(h.newEntries()).toEqual([
      expect.objectContaining({ start_time: '10:00:00', end_time: '10:50:00' }),
      expect.objectContaining({ start_time: '10:50:00', description: 'started at 10:50' }),
    ]);
  });

  it('away since the timer started: "Discard idle time" throws the timer away, keeping none of its time', async () => {
    const { idle, queue, asked } = await runningFor(5);
    await idle.onStateChanged('idle'); // the idleness began before the timer started: at its start, then
    h.advance(50 * MINUTE);
    await idle.onStateChanged('active');
    expect(asked).toEqual([{ since: h.env.sandbox.clock.now() - 55 * MINUTE, returnedAt: h.env.sandbox.clock.now() }]);

    await idle.resolve('discard');
    await queue.drain();

    expect(h.newEntries()).toEqual([]);
    expect(h.serverTimer()).toBeNull();
    expect(await runningTimer.getValue()).toBeNull();
  });

  it('away since the timer started: "Discard and continue" starts the same task and note again from now, with no entry for the time away', async () => {
    const { idle, queue } = await runningFor(5);
    await idle.onStateChanged('idle');
    h.advance(50 * MINUTE);
    await idle.onStateChanged('active');

    await idle.resolve('discard-and-continue');
    await queue.drain();

    // Only the new timer's own entry, from now.
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:55:00', description: 'deep work' })]);
    expect(h.serverTimer()).toMatchObject({ task_id: h.env.sandbox.demo.tasks.githubIssue, started_at: h.env.sandbox.clock.now() });
    expect(await runningTimer.getValue()).toMatchObject({ note: 'deep work', startedAt: h.env.sandbox.clock.now() });
  });

  it('"Discard and continue" on a timer with no task (adopted from elsewhere) only cuts the time away', async () => {
    const { engine, idle, queue } = await runningFor(30);
    await idle.onStateChanged('idle');
    h.advance(50 * MINUTE);
    await idle.onStateChanged('active');
    await runningTimer.setValue({ ...(await runningTimer.getValue())!, taskId: null });
    const start = vi.spyOn(engine, 'start');

    await idle.resolve('discard-and-continue');
    await queue.drain();

    expect(start).not.toHaveBeenCalled();
    expect(await runningTimer.getValue()).toBeNull();
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00', end_time: '10:20:00' })]);
  });
});
