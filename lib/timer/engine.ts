import type { EntryChanges, NewEntry } from '@/lib/api';
import type { QueuedAction, TimerRef } from '@/lib/storage/queue';
import { lastTimer, runningTimer, type IssueRef, type RunningTimer } from '@/lib/storage/timer';
import type { ActionQueueService } from './action-queue';
import { createSerial } from './serial';
import type { TaskLookup } from './task-lookup';

export interface TimerEngineDeps {
  queue: ActionQueueService;
  now(): number;
  newId(): string;
  lookupTask: TaskLookup;
}

export interface StartOptions {
  taskId: number;
  note?: string;
  billable?: boolean;
  source?: IssueRef | null;
  /** The moment to start at; now by default (a continued or idle-trimmed timer passes its own). */
  at?: number;
}

function refTo(timer: RunningTimer): TimerRef {
  // While TimeCamp has not confirmed the start, only the start action knows which timer it will be.
  return timer.startId !== null ? { startId: timer.startId } : { timerId: timer.timerId!, entryId: timer.entryId };
}

/**
 * What the user can do to the timer and their entries. Each operation changes
 * the local state at once (every view and button follows from storage) and
 * queues what TimeCamp must be told, in one write, so no click is lost.
 */
export function createTimerEngine(deps: TimerEngineDeps) {
  // Two quick clicks must not both read "nothing runs" and both start.
  const serial = createSerial();
  const action = <T extends QueuedAction['type']>(fields: Omit<Extract<QueuedAction, { type: T }>, 'id' | 'at'> & { type: T }, at = deps.now()) =>
    ({ ...fields, id: deps.newId(), at }) as unknown as Extract<QueuedAction, { type: T }>;

  return {
    /** Starts on a task; a running timer stops at the same moment. */
    start: (options: StartOptions) =>
      serial(async () => {
        const at = options.at ?? deps.now();
        const current = await runningTimer.getValue();
        const task = await deps.lookupTask(options.taskId);
        // Billing is the task's own unless the user chose otherwise: only a choice costs a request.
        const start = action({ type: 'start', taskId: options.taskId, note: options.note ?? '', billable: options.billable }, at);
        const actions: QueuedAction[] = current ? [action({ type: 'stop', timer: refTo(current) }, at), start] : [start];
        const next: RunningTimer = {
          timerId: null,
          entryId: null,
          taskId: options.taskId,
          taskName: task?.name ?? '',
          taskPath: task?.path ?? task?.name ?? '',
          externalTaskId: task?.externalTaskId ?? null,
          note: options.note ?? '',
          billable: options.billable ?? task?.billable ?? false,
          startedAt: at,
          source: options.source ?? null,
          startedHere: true,
          startId: start.id,
        };
        await deps.queue.enqueue(actions, [
          { item: runningTimer, value: next },
          { item: lastTimer, value: { taskId: options.taskId, note: options.note ?? '', billable: options.billable } },
        ]);
      }),

    stop: (at?: number) =>
      serial(async () => {
        const current = await runningTimer.getValue();
        if (!current) return;
        await deps.queue.enqueue([action({ type: 'stop', timer: refTo(current) }, at)], [{ item: runningTimer, value: null }]);
      }),

    /** Throws the running timer away without keeping its time. */
    discard: () =>
      serial(async () => {
        const current = await runningTimer.getValue();
        if (!current) return;
        await deps.queue.enqueue([action({ type: 'discard', timer: refTo(current) })], [{ item: runningTimer, value: null }]);
      }),

    /** Switches the running timer's task, note or billing. */
    update: (changes: { taskId?: number; note?: string; billable?: boolean }) =>
      serial(async () => {
        const current = await runningTimer.getValue();
        if (!current) return;
        const task = changes.taskId === undefined ? null : await deps.lookupTask(changes.taskId);
        const next: RunningTimer = {
          ...current,
          ...(changes.taskId !== undefined && {
            taskId: changes.taskId,
            taskName: task?.name ?? '',
            taskPath: task?.path ?? task?.name ?? '',
            externalTaskId: task?.externalTaskId ?? null,
          }),
          ...(changes.note !== undefined && { note: changes.note }),
          ...(changes.billable !== undefined && { billable: changes.billable }),
        };
        await deps.queue.enqueue([action({ type: 'edit-running', timer: refTo(current), ...changes })], [{ item: runningTimer, value: next }]);
      }),

    addEntry: (entry: NewEntry & { startTime: string; endTime: string }) => deps.queue.enqueue([action({ type: 'add-entry', entry })]),
    editEntry: (entryId: number, changes: EntryChanges) => deps.queue.enqueue([action({ type: 'edit-entry', entryId, changes })]),
    deleteEntry: (entryId: number) => deps.queue.enqueue([action({ type: 'delete-entry', entryId })]),
  };
}

export type TimerEngine = ReturnType<typeof createTimerEngine>;
