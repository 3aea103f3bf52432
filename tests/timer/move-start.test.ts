import { describe, expect, it } from 'vitest';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { MINUTE, T0, useTimerHarness } from './harness';

process.env.TZ = 'Europe/Warsaw';

const h = useTimerHarness();
const tasks = () => h.env.sandbox.demo.tasks;

describe("moving a running timer's start", () => {
  it('starts it again in TimeCamp at the earlier moment, with its task and note, leaving one entry', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().githubIssue, note: 'Review' });
    await queue.settled();
    h.advance(5 * MINUTE);

    await engine.moveStart(T0 - 20 * MINUTE);
    await queue.settled();

    const timer = h.serverTimer()!;
    expect(timer).toMatchObject({ task_id: tasks().githubIssue, started_at: T0 - 20 * MINUTE });
    expect(h.newEntries()).toEqual([expect.objectContaining({ task_id: tasks().githubIssue, start_time: '09:40:00', description: 'Review' })]);
    expect(await runningTimer.getValue()).toMatchObject({ startedAt: T0 - 20 * MINUTE, timerId: timer.timer_id, note: 'Review' });
    expect((await actionQueue.getValue()).actions).toEqual([]);

    h.advance(10 * MINUTE);
    await engine.stop();
    await queue.settled();
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '09:40:00', end_time: '10:15:00', duration: 35 * 60, description: 'Review' })]);
  });

  it('never moves the start into the future', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().githubIssue });
    await queue.settled();

    await engine.moveStart(T0 + 30 * MINUTE);
    await queue.settled();

    expect(h.serverTimer()!.started_at).toBe(T0);
  });
});
