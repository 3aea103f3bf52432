import { ApiError, offsetFromServerTime, type TimeCampClient, type TimerStatus } from '@/lib/api';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import { RETRYABLE_KINDS, type ActionQueueService, type DrainOptions } from './action-queue';
import { accountDate } from './account-time';
import { hasSendable, readStoredQueue, timerChangeHeld } from './queue-rules';
import type { TaskLookup } from './task-lookup';
import { say } from '@/lib/i18n';

export interface ServerSyncDeps {
  client(): Promise<TimeCampClient | null>;
  queue: ActionQueueService;
  now(): number;
  lookupTask: TaskLookup;
}

type Running = Extract<TimerStatus, { running: true }>;

/**
 * A timer started elsewhere (TimeCamp's web app, another browser), as this
 * browser will show it. The status documents no task, note or billing: the
 * timer's entry, among the user's own entries of its day, has them.
 */
async function adopt(status: Running, client: TimeCampClient, deps: ServerSyncDeps, startedAt: number): Promise<RunningTimer> {
  const day = status.startTime?.slice(0, 10) || accountDate(await syncState.getValue(), startedAt);
  const entries = await client.entries.list({ from: day, to: day, userIds: ['me'] });
  const entry =
    entries.find((e) => status.entryId !== null && e.id === status.entryId) ??
    entries.find((e) => status.startTime !== null && e.startTime?.slice(-8) === status.startTime.slice(-8));
  const taskId = status.taskId ?? entry?.taskId ?? null;
  const task = taskId === null ? null : await deps.lookupTask(taskId);
  const name = task?.name ?? (status.taskName || entry?.taskName || '');
  return {
    timerId: status.timerId,
    entryId: status.entryId ?? entry?.id ?? null,
    taskId,
    taskName: name,
    taskPath: task?.path ?? name,
    externalTaskId: status.externalTaskId ?? task?.externalTaskId ?? null,
    note: entry?.note ?? '',
    billable: entry?.billable ?? task?.billable ?? false,
    startedAt,
    source: null,
    startedHere: false,
    startId: null,
    key: `timer:${status.timerId}`,
  };
}

/** What TimeCamp's status means for the local running timer; undefined leaves it as it is. */
async function timerFromStatus(status: TimerStatus, local: RunningTimer | null, client: TimeCampClient, deps: ServerSyncDeps, now: number) {
  if (!status.running) return local ? null : undefined; // stopped elsewhere
  const startedAt = now - status.elapsedSeconds * 1000;
  if (local?.timerId === status.timerId) {
    // Edited elsewhere? TimeCamp's start wins; the task and note are ours until the next adoption.
    const named = local.taskName || !status.taskName ? {} : { taskName: status.taskName, taskPath: local.taskPath || status.taskName };
    return { ...local, ...named, startedAt, entryId: status.entryId ?? local.entryId, taskId: status.taskId ?? local.taskId };
  }
  return adopt(status, client, deps, startedAt);
}

/**
 * Brings this browser in line with TimeCamp, the truth about the running
 * timer. Local changes go first: while some are still to be sent, they stand,
 * and a status that arrives after the user queued something is not applied.
 */
export async function syncWithServer(deps: ServerSyncDeps, options: DrainOptions = {}): Promise<void> {
  const client = await deps.client();
  if (!client) return;
  await deps.queue.drain(options);
  if ((await syncState.getValue()).authProblem) return;
  const asked = readStoredQueue(await actionQueue.getValue(), null);

  let status: TimerStatus;
  try {
    status = await client.timer.status();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const sync = await syncState.getValue();
    const problem = { kind: error.kind, message: error.details.serverMessage ?? error.message, during: say('bg_doingSync', 'Checking the timer'), at: deps.now() };
    await syncState.setValue({ ...sync, problem, authProblem: sync.authProblem || error.kind === 'auth' });
    return;
  }

  const now = deps.now();
  const local = await runningTimer.getValue();
  const next = await timerFromStatus(status, local, client, deps, now);
  await deps.queue.exclusive(async ({ queue, timer, accountKey }) => {
    // The user acted while TimeCamp answered, or something still waits to be sent: the status is already old.
    if (next === undefined || accountKey === null || queue.revision !== asked.revision || hasSendable(queue, accountKey)) return null;
    if (timer?.timerId !== local?.timerId || timer?.startId !== local?.startId) return null;
    // A start, stop or discard held for the user's Retry or Discard: what they did stays on screen.
    if (timerChangeHeld(queue, accountKey)) return null;
    return { timer: next };
  });

  const offset = status.running && status.startTime ? offsetFromServerTime(status.startTime, now - status.elapsedSeconds * 1000) : null;
  const sync = await syncState.getValue();
  // A refusal (say, a task one may not track to) stays until the user has seen it; being back online does not answer it.
  const problem = sync.problem && RETRYABLE_KINDS.has(sync.problem.kind) ? null : sync.problem;
  await syncState.setValue({ ...sync, lastSyncAt: now, accountOffsetMinutes: offset ?? sync.accountOffsetMinutes, problem });
}
