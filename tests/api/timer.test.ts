import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimeCampClient, formatApiDateTime, offsetFromServerTime } from '@/lib/api';
import { useSandbox } from './use-sandbox';

const env = useSandbox();
const MINUTE = 60_000;

// The sandbox account lives in Europe/Warsaw (UTC+1 in winter), whatever zone the tests run in.
const WARSAW_WINTER = 60;

beforeEach(() => {
  env.sandbox.clock.set(Date.UTC(2026, 10, 27, 9, 0, 0)); // a Friday, 10:00 in Warsaw
  env.sandbox.clock.freeze(true);
});
afterEach(() => {
  env.sandbox.clock.reset();
});

describe('the timer', () => {
  it('is stopped until started', async () => {
    expect(await env.client().timer.status()).toEqual({ running: false });
    expect(await env.client().timer.running()).toEqual([]);
  });

  it('starts on a task at the moment of the click, and reports it running', async () => {
    const timer = env.client().timer;
    const taskId = env.sandbox.demo.tasks.githubIssue;
    const clickedAt = env.sandbox.clock.now() - 5 * MINUTE;

    const started = (await timer.start({ taskId, startedAt: formatApiDateTime(clickedAt, WARSAW_WINTER) }))!;
    const status = await timer.status();

    // The status documents no task: a running timer's task is known from its entry.
    expect(status).toEqual({
      running: true,
      timerId: started!.timerId,
      entryId: started!.entryId,
      taskId: null,
      startTime: '2026-11-27 09:55:00',
      elapsedSeconds: 300,
      taskName: '',
      externalTaskId: null,
    });
    expect(await timer.running()).toEqual([expect.objectContaining({ timerId: started.timerId, taskId, startedAt: '2026-11-27 09:55:00' })]);
  });

  it('lets the account zone be derived from the status, whatever the browser zone', async () => {
    await env.client().timer.start({ taskId: env.sandbox.demo.tasks.githubIssue });
    const status = await env.client().timer.status();
    if (!status.running) throw new Error('expected a running timer');

    const startedAt = env.sandbox.clock.now() - status.elapsedSeconds * 1000;
    expect(offsetFromServerTime(status.startTime!, startedAt)).toBe(WARSAW_WINTER);
  });

  it('stops at the given moment, and the entry keeps the start and stop times', async () => {
    const timer = env.client().timer;
    const started = (await timer.start({ taskId: env.sandbox.demo.tasks.internalMeetings, startedAt: '2026-11-27 09:00:00' }))!;

    const stopped = await timer.stop({ timerId: started.timerId, stoppedAt: '2026-11-27 09:45:00' });

    expect(stopped).toEqual({ elapsedSeconds: 2700, entryId: started.entryId, entrySeconds: 2700 });
    expect(await timer.status()).toEqual({ running: false });
    const [entry] = (await env.client().entries.list({ from: '2026-11-27', to: '2026-11-27' })).filter((e) => e.id === started.entryId);
    expect(entry).toMatchObject({ startTime: '09:00:00', endTime: '09:45:00', durationSeconds: 2700 });
  });

  it('keeps one timer: a start while one runs ends the old one at the new start', async () => {
    const timer = env.client().timer;
    const first = (await timer.start({ taskId: env.sandbox.demo.tasks.githubIssue, startedAt: '2026-11-27 08:00:00' }))!;
    const second = (await timer.start({ taskId: env.sandbox.demo.tasks.githubPr, startedAt: '2026-11-27 09:30:00' }))!;

    const entries = await env.client().entries.list({ from: '2026-11-27', to: '2026-11-27' });
    expect(entries.find((entry) => entry.id === first.entryId)).toMatchObject({ endTime: '09:30:00', durationSeconds: 5400 });
    expect(await timer.status()).toMatchObject({ running: true, timerId: second.timerId });
  });

  it('discards a running timer without keeping its time', async () => {
    const timer = env.client().timer;
    const started = (await timer.start({ taskId: env.sandbox.demo.tasks.githubIssue }))!;

    await timer.discard();

    expect(await timer.status()).toEqual({ running: false });
    const entries = await env.client().entries.list({ from: '2026-11-27', to: '2026-11-27' });
    expect(entries.some((entry) => entry.id === started.entryId)).toBe(false);
  });

  it('shows a timer another user started only to that user', async () => {
    const jan = env.sandbox.users.find((user) => user.user_id === env.sandbox.demo.users.manager)!;
    expect(await env.client({ token: jan.token }).timer.status()).toMatchObject({ running: true });
    expect(await env.client().timer.status()).toEqual({ running: false });
  });
});

describe('the timer status', () => {
  it('asks with action=status, as the spec documents it', async () => {
    await env.client().timer.status();
    const [request] = env.sandbox.requests.filter((r) => r.method === 'POST');
    expect(request!.body).toMatchObject({ action: 'status' });
  });

  it('is running only when TimeCamp says so and names the timer', async () => {
    const answering = (answer: unknown) =>
      createTimeCampClient({
        token: 'secret',
        baseUrl: env.sandbox.url,
        fetch: vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } })),
      }).timer;

    expect(await answering({ isTimerRunning: false, timer_id: '12', elapsed: 30 }).status()).toEqual({ running: false });
    expect(await answering({ isTimerRunning: true, timer_id: null, elapsed: 30 }).status()).toEqual({ running: false });
    expect(await answering({ isTimerRunning: true, timer_id: '12', elapsed: 30 }).status()).toMatchObject({ running: true, timerId: 12 });
  });
});
