import type { EntryChanges, NewEntry } from '@/lib/api';
import type { ActionQueue, QueuedAction, TimerRef } from '@/lib/storage/queue';
import { lastTimer, timerKey, type IssueRef, type RunningTimer } from '@/lib/storage/timer';
import type { ActionQueueService, Queued, QueueView } from './action-queue';
import type { TaskLookup } from './task-lookup';
import { syncState } from '@/lib/storage/sync';
import { accountDateTime } from './account-time';
import { dropWaitingEntry, reviseWaitingEntry, type WaitingEntryFields } from './waiting-rules';
import { say } from '@/lib/i18n';

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
  /** The moment of the click; now by default. A start that looked its task up first, a continued or an idle-trimmed timer pass their own. */
  at?: number;
}

/** Nothing is queued for a user who is not signed in: it could only ever be sent as someone else. */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
  constructor() {
    super(say('bg_signInFirst', 'Sign in to TimeCamp first: open the extension and enter your API token.'));
  }
}

/** Two Start clicks this close on the same task and note (two tabs, a double click) are one start. */
const SAME_START_MS = 2_000;

function refTo(timer: RunningTimer): TimerRef {
  // While TimeCamp has not confirmed the start, only the start action knows which timer it will be.
  return timer.startId !== null ? { startId: timer.startId } : { timerId: timer.timerId!, entryId: timer.entryId };
}

type ActionFields<T extends QueuedAction['type']> = Omit<Extract<QueuedAction, { type: T }>, 'id' | 'at' | 'account'> & { type: T };

/** A stop of the running timer, carrying what the timer was, for Today to list while the stop waits. */
function stopOf(timer: RunningTimer): ActionFields<'stop'> {
  return { type: 'stop', timer: refTo(timer), ended: { startedAt: timer.startedAt, taskId: timer.taskId, note: timer.note, billable: timer.billable } };
}

/**
 * What the user can do to the timer and their entries. Each operation changes
 * the local state at once (every view and button follows from storage) and
 * queues what TimeCamp must be told, in one write, so no click is lost. Each
 * runs in the queue's writer section: two clicks never both read "nothing runs".
 */
export function createTimerEngine(deps: TimerEngineDeps) {
  /** Queues what `build` makes of the state, stamped with the signed-in account; refuses when signed out. */
  function change(build: (current: QueueView, action: <T extends QueuedAction['type']>(fields: ActionFields<T>, at?: number) => Extract<QueuedAction, { type: T }>) => Queued | null) {
    let signedOut = false;
    return deps.queue
      .enqueue(async (current) => {
        const accountKey = current.accountKey;
        if (accountKey === null) {
          signedOut = true;
          return null;
        }
        const action = <T extends QueuedAction['type']>(fields: ActionFields<T>, at = deps.now()) =>
          ({ ...fields, id: deps.newId(), at, account: accountKey }) as unknown as Extract<QueuedAction, { type: T }>;
        return build(current, action);
      })
      .then(() => {
        if (signedOut) throw new SignedOutError();
      });
  }

  /** Changes queued actions in place (in the writer section, so never under a send), then sends. */
  async function rewrite(build: (queue: ActionQueue) => Promise<ActionQueue | null>): Promise<boolean> {
    let done = false;
    await deps.queue.exclusive(async ({ queue, accountKey }) => {
      if (accountKey === null) throw new SignedOutError();
      const next = await build(queue);
      if (!next) return null;
      done = true;
      return { queue: { ...next, revision: queue.revision + 1 } };
    });
    if (done) void deps.queue.drain({ urgent: true });
    return done;
  }

  return {
    /** Starts on a task; a running timer stops at the same moment. Note and billing follow the start as their own change. */
    async start(options: StartOptions): Promise<void> {
      const at = options.at ?? deps.now();
      const task = await deps.lookupTask(options.taskId);
      const note = options.note ?? '';
      await change(({ timer: current }, action) => {
        const repeated = current && current.taskId === options.taskId && current.note === note && Math.abs(at - current.startedAt) < SAME_START_MS;
        if (repeated) return null;
        const start = action({ type: 'start', taskId: options.taskId }, at);
        const actions: QueuedAction[] = current ? [action(stopOf(current), at), start] : [start];
        // A refused note must never hold back the start, nor the stop that follows it.
        if (note || options.billable !== undefined) {
          actions.push(action({ type: 'edit-running', timer: { startId: start.id }, note: note || undefined, billable: options.billable }, at));
        }
        const next: RunningTimer = {
          timerId: null,
          entryId: null,
          taskId: options.taskId,
          taskName: task?.name ?? '',
          taskPath: task?.path ?? task?.name ?? '',
          externalTaskId: task?.externalTaskId ?? null,
          note,
          billable: options.billable ?? task?.billable ?? false,
          startedAt: at,
          source: options.source ?? null,
          startedHere: true,
          startId: start.id,
          key: `start:${start.id}`,
        };
        return { actions, timer: next, alongside: [{ item: lastTimer, value: { taskId: options.taskId, note, billable: options.billable } }] };
      });
    },

    /** Stops the running timer; with `onlyKey`, only if it is still that timer (`timerKey`), checked in the same section as the stop. */
    stop: (at?: number, onlyKey?: string) =>
      change(({ timer: current }, action) => {
        if (!current || (onlyKey !== undefined && timerKey(current) !== onlyKey)) return null;
        return { actions: [action(stopOf(current), at)], timer: null };
      }),

    /** Throws the running timer away without keeping its time. */
    discard: () => change(({ timer: current }, action) => (current ? { actions: [action({ type: 'discard', timer: refTo(current) })], timer: null } : null)),

    /**
     * Moves the running timer's start to `at` ("I started 20 minutes ago").
     * TimeCamp takes a start time only when a timer starts (`started_at`), so
     * the timer is thrown away and started again at `at`, on the same task,
     * with its note and billing. Not later than now.
     */
    moveStart: (at: number) =>
      change(({ timer: current }, action) => {
        // A timer without a task (adopted from elsewhere) could not be started again as it was.
        if (!current || current.taskId === null) return null;
        const taskId = current.taskId;
        const moment = Math.min(at, deps.now());
        if (moment === current.startedAt) return null;
        const start = action({ type: 'start', taskId }, moment);
        const actions: QueuedAction[] = [action({ type: 'discard', timer: refTo(current) }), start];
        if (current.note || current.billable) {
          actions.push(action({ type: 'edit-running', timer: { startId: start.id }, note: current.note || undefined, billable: current.billable || undefined }, moment));
        }
        const next: RunningTimer = { ...current, timerId: null, entryId: null, startedAt: moment, startId: start.id, key: `start:${start.id}` };
        return { actions, timer: next };
      }),

    /** Switches the running timer's task, note or billing. */
    async update(changes: { taskId?: number; note?: string; billable?: boolean }): Promise<void> {
      const task = changes.taskId === undefined ? null : await deps.lookupTask(changes.taskId);
      await change(({ timer: current }, action) => {
        if (!current) return null;
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
        return { actions: [action({ type: 'edit-running', timer: refTo(current), ...changes })], timer: next };
      });
    },

    /**
     * Changes an entry that waits in the queue (`actionId`: its add-entry, or
     * the start of a timer stopped before TimeCamp had it). False when it is
     * no longer waiting (TimeCamp has it by now: edit it as any entry).
     */
    reviseWaiting: (actionId: string, entry: WaitingEntryFields) =>
      rewrite(async (queue) => {
        const sync = await syncState.getValue();
        return reviseWaitingEntry(queue, actionId, entry, (at) => accountDateTime(sync, at));
      }),

    /** Deletes an entry that waits in the queue; false when it is no longer waiting. */
    dropWaiting: (actionId: string) => rewrite(async (queue) => dropWaitingEntry(queue, actionId)),

    addEntry: (entry: NewEntry & { startTime: string; endTime: string }) => change((_, action) => ({ actions: [action({ type: 'add-entry', entry })] })),
    editEntry: (entryId: number, changes: EntryChanges) => change((_, action) => ({ actions: [action({ type: 'edit-entry', entryId, changes })] })),
    deleteEntry: (entryId: number) => change((_, action) => ({ actions: [action({ type: 'delete-entry', entryId })] })),
  };
}

export type TimerEngine = ReturnType<typeof createTimerEngine>;
