import { ApiError, offsetFromServerTime, type TimeCampClient, type TimerStatus } from '@/lib/api';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import { RETRYABLE_KINDS, type ActionQueueService } from './action-queue';
import { accountDate } from './account-time';
import type { TaskLookup } from './task-lookup';

export interface ServerSyncDeps {
  client(): Promise<TimeCampClient | null>;
  queue: ActionQueueService;
  now(): number;
  lookupTask: TaskLookup;
}

type Running = Extract<TimerStatus, { running: true }>;

/** A timer started elsewhere (TimeCamp's web app, another browser), as this browser will show it. */
async function adopt(status: Running, client: TimeCampClient, deps: ServerSyncDeps, startedAt: number): Promise<RunningTimer> {
  const task = status.taskId === null ? null : await deps.lookupTask(status.taskId);
  // The status has no note; the timer's entry has.
  const today = accountDate(await syncState.getValue(), startedAt);
  const entry = status.entryId === null ? undefined : (await client.entries.list({ from: today, to: today })).find((e) => e.id === status.entryId);
  return {
    timerId: status.timerId,
    entryId: status.entryId,
    taskId: status.taskId,
    taskName: task?.name ?? status.taskName,
    taskPath: task?.path ?? status.taskName,
    externalTaskId: status.externalTaskId ?? task?.externalTaskId ?? null,
    note: entry?.note ?? '',
    billable: entry?.billable ?? task?.billable ?? false,
    startedAt,
    source: null,
    startedHere: false,
    startId: null,
  };
}

/**
 * Brings this browser in line with TimeCamp, the truth about the running
 * timer. Local changes go first: while some are still queued, they stand.
 */
export async function syncWithServer(deps: ServerSyncDeps): Promise<void> {
  const client = await deps.client();
  if (!client) return;
  await deps.queue.drain();
  if ((await actionQueue.getValue()).actions.length > 0 || (await syncState.getValue()).authProblem) return;

  let status: TimerStatus;
  try {
    status = await client.timer.status();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const sync = await syncState.getValue();
    const problem = { kind: error.kind, message: error.details.serverMessage ?? error.message, during: 'Checking the timer', at: deps.now() };
    await syncState.setValue({ ...sync, problem, authProblem: sync.authProblem || error.kind === 'auth' });
    return;
  }

  const now = deps.now();
  let offset: number | null = null;
  if (status.running) {
    const startedAt = now - status.elapsedSeconds * 1000;
    offset = status.startTime ? offsetFromServerTime(status.startTime, startedAt) : null;
    const local = await runningTimer.getValue();
    if (local?.timerId === status.timerId) {
      // Edited elsewhere? TimeCamp's start and task win; the note is ours until the next adoption.
      const named = local.taskName ? {} : { taskName: status.taskName, taskPath: local.taskPath || status.taskName };
      await runningTimer.setValue({ ...local, ...named, startedAt, entryId: status.entryId ?? local.entryId, taskId: status.taskId ?? local.taskId });
    } else {
      await runningTimer.setValue(await adopt(status, client, deps, startedAt));
    }
  } else if (await runningTimer.getValue()) {
    await runningTimer.setValue(null); // stopped elsewhere
  }
  const sync = await syncState.getValue();
  // A refusal (say, a task one may not track to) stays until the user has seen it; being back online does not answer it.
  const problem = sync.problem && RETRYABLE_KINDS.has(sync.problem.kind) ? null : sync.problem;
  await syncState.setValue({ ...sync, lastSyncAt: now, accountOffsetMinutes: offset ?? sync.accountOffsetMinutes, problem });
}
