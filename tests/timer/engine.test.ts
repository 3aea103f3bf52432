import { describe, expect, it } from 'vitest';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { MINUTE, T0, useTimerHarness } from './harness';

// The browser runs in Los Angeles (UTC−8); the TimeCamp account lives in Warsaw (UTC+1).
process.env.TZ = 'America/Los_Angeles';

const h = useTimerHarness();
const tasks = () => h.env.sandbox.demo.tasks;

describe('starting and stopping', () => {
  it('starts at the click and stops at the click, in the account zone, with the note', async () => {
    const { engine, queue } = h.boot();

    await engine.start({ taskId: tasks().githubIssue, note: '#12 Fix login redirect' });
    await queue.drain();
    h.advance(30 * MINUTE);
    await engine.stop();
    await queue.drain();

    const [entry, ...others] = h.newEntries();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ task_id: tasks().githubIssue, start_time: '10:00:00', end_time: '10:30:00', duration: 1800, description: '#12 Fix login redirect' });
    expect(h.serverTimer()).toBeNull();
    // The browser's zone was the wrong guess: the first start was redone at the right moment.
    expect((await syncState.getValue()).accountOffsetMinutes).toBe(60);
    expect(h.env.sandbox.requests.filter((r) => r.resource === 'timer' && r.method === 'DELETE')).toHaveLength(1);
  });

  it('uses the account zone it has learnt for every later start, with no second guess', async () => {
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    const { engine, queue } = h.boot();

    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();

    expect(h.env.sandbox.requests.map((r) => `${r.method} ${r.resource} ${(r.body as { action?: string }).action ?? ''}`.trim())).toEqual(['POST timer start']);
    expect(h.newEntries()).toEqual([expect.objectContaining({ start_time: '10:00:00' })]);
  });

  it('shows the timer at once and fills in TimeCamp\'s ids when it confirms', async () => {
    const { engine, queue } = h.boot();

    await engine.start({ taskId: tasks().githubIssue, note: 'n' });
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().githubIssue, taskName: 'Fix login redirect', startedAt: T0, timerId: null });
    await queue.drain();

    expect(await runningTimer.getValue()).toMatchObject({ timerId: h.serverTimer()!.timer_id, entryId: h.serverTimer()!.entry_id, startId: null });
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });

  it('stops the running timer at the moment another starts', async () => {
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().githubIssue });
    h.advance(20 * MINUTE);
    await engine.start({ taskId: tasks().githubPr, note: 'Review' });
    await queue.drain();

    const entries = h.newEntries();
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.task_id === tasks().githubIssue)).toMatchObject({ start_time: '10:00:00', end_time: '10:20:00' });
    expect(h.serverTimer()).toMatchObject({ task_id: tasks().githubPr });
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().githubPr, note: 'Review' });
  });

  it('switches the running timer\'s task and note', async () => {
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().githubIssue, note: 'first' });
    await engine.update({ taskId: tasks().internalMeetings, note: 'Stand-up' });
    await queue.drain();

    expect(h.newEntries()).toEqual([expect.objectContaining({ task_id: tasks().internalMeetings, description: 'Stand-up' })]);
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().internalMeetings, note: 'Stand-up', taskName: 'Meetings' });
  });

  it('discards the running timer without keeping its time', async () => {
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().githubIssue });
    await queue.drain();
    await engine.discard();
    await queue.drain();

    expect(h.newEntries()).toEqual([]);
    expect(h.serverTimer()).toBeNull();
    expect(await runningTimer.getValue()).toBeNull();
  });

  it('holds a start TimeCamp refused, with its words, until the user discards it', async () => {
    const { engine, queue } = h.boot();
    await engine.start({ taskId: tasks().notTrackableLeaf });
    await queue.drain();

    const [held] = (await actionQueue.getValue()).actions;
    expect(held).toMatchObject({ type: 'start', attention: { kind: 'forbidden', message: 'You cannot track time to this task' } });
    expect(await runningTimer.getValue()).toMatchObject({ startId: held!.id });

    await queue.discard(held!.id);
    expect(await runningTimer.getValue()).toBeNull();
    expect((await actionQueue.getValue()).actions).toEqual([]);
  });
});

describe('sync with TimeCamp', () => {
  it('shows a timer started elsewhere, with its note, and drops it when stopped elsewhere', async () => {
    const { sync } = h.boot();
    const elsewhere = h.env.client();
    const { entryId } = (await elsewhere.timer.start({ taskId: tasks().jiraIssue, startedAt: '2026-11-27 09:15:00' }))!;
    await elsewhere.entries.update(entryId!, { note: 'PROJ-7 Export fails' });

    await sync();
    expect(await runningTimer.getValue()).toMatchObject({
      taskId: tasks().jiraIssue,
      note: 'PROJ-7 Export fails',
      startedAt: T0 - 45 * MINUTE,
      externalTaskId: 'jira_issue_acme.atlassian.net/PROJ-7',
      source: null,
    });
    expect((await syncState.getValue()).accountOffsetMinutes).toBe(60);

    await elsewhere.timer.stop();
    await sync();
    expect(await runningTimer.getValue()).toBeNull();
  });
});
