import { storage } from 'wxt/utils/storage';
import { ApiError, type TimeCampClient } from '@/lib/api';
import { actionQueue, type ActionQueue, type QueuedAction } from '@/lib/storage/queue';
import { syncState, type SyncProblem } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { retryDelay } from './backoff';
import { describeAction, runAction, type ActionOutcome } from './run-action';
import { createSerial } from './serial';

export interface ActionQueueDeps {
  /** The client for the signed-in account; null when signed out. */
  client(): Promise<TimeCampClient | null>;
  now(): number;
  /** Asks to be woken to drain again after `delayMs` (an alarm: the worker may be gone by then). */
  scheduleRetry(delayMs: number): void;
}

/** Writes that must land in the same storage call as the queued actions. */
export type AlongsideWrite = Parameters<typeof storage.setItems>[0][number];

/** Failures worth sending the same action again for. A garbled answer may be a captive portal's page: retry that too. */
export const RETRYABLE_KINDS: ReadonlySet<string> = new Set(['network', 'timeout', 'server', 'rate-limited', 'malformed']);

function referencesStart(action: QueuedAction, startId: string): boolean {
  return 'timer' in action && 'startId' in action.timer && action.timer.startId === startId;
}

/** Drops TimeCamp's answers to starts nothing refers to any more. */
function withoutUnusedStarts(queue: ActionQueue): ActionQueue['started'] {
  return Object.fromEntries(
    Object.entries(queue.started).filter(([startId]) => queue.actions.some((action) => referencesStart(action, startId))),
  );
}

/**
 * The persisted queue of everything the user did. An action is stored before
 * anything is sent, sent in order, and removed only once TimeCamp has it; a
 * worker killed at any point finds it again and replays it idempotently.
 */
export function createActionQueue(deps: ActionQueueDeps) {
  const serial = createSerial();
  let draining: Promise<void> | null = null;
  let drainRequested = false;

  const update = (change: (queue: ActionQueue) => ActionQueue) =>
    serial(async () => actionQueue.setValue(change(await actionQueue.getValue())));

  async function setProblem(problem: SyncProblem | null, authProblem?: boolean) {
    const sync = await syncState.getValue();
    await syncState.setValue({ ...sync, problem, authProblem: authProblem ?? sync.authProblem });
  }

  async function complete(action: QueuedAction, outcome: ActionOutcome) {
    await update((queue) => {
      const rest = { ...queue, actions: queue.actions.filter((queued) => queued.id !== action.id), failures: 0 };
      const started = outcome.started ? { ...queue.started, [action.id]: outcome.started } : queue.started;
      return { ...rest, started: withoutUnusedStarts({ ...rest, started }) };
    });
    if (outcome.started) {
      const running = await runningTimer.getValue();
      if (running?.startId === action.id) await runningTimer.setValue({ ...running, ...outcome.started, startId: null });
    }
    const { problem } = await syncState.getValue();
    if (problem && RETRYABLE_KINDS.has(problem.kind)) await setProblem(null);
  }

  /** Returns true when draining should stop for now. */
  async function fail(action: QueuedAction, error: unknown): Promise<boolean> {
    const apiError = error instanceof ApiError ? error : new ApiError('malformed', (error as Error).message ?? String(error));
    const problem = { kind: apiError.kind, message: apiError.details.serverMessage ?? apiError.message, during: describeAction(action), at: deps.now() };
    if (apiError.kind === 'auth') {
      // Nothing is dropped: the queue waits for a new token.
      await setProblem(problem, true);
      return true;
    }
    if (RETRYABLE_KINDS.has(apiError.kind)) {
      let failures = 0;
      await update((queue) => ({ ...queue, failures: (failures = queue.failures + 1) }));
      deps.scheduleRetry(retryDelay(failures, apiError.retryAfterMs));
      await setProblem(problem);
      return true;
    }
    // TimeCamp refused it for good (a task one may not track to, a locked entry):
    // sending it again cannot help. Drop it and what depended on it, and say why.
    await update((queue) => {
      const actions = queue.actions.filter((queued) => queued.id !== action.id && !referencesStart(queued, action.id));
      return { ...queue, actions, started: withoutUnusedStarts({ ...queue, actions }) };
    });
    const running = await runningTimer.getValue();
    if (running?.startId === action.id) await runningTimer.setValue(null);
    await setProblem(problem);
    return false;
  }

  async function drainOnce(): Promise<void> {
    const client = await deps.client();
    if (!client || (await syncState.getValue()).authProblem) return;
    for (;;) {
      const queue = await actionQueue.getValue();
      const action = queue.actions[0];
      if (!action) return;
      try {
        const outcome = await runAction(action, {
          client,
          sync: await syncState.getValue(),
          started: queue.started,
          now: deps.now,
          markSent: (sent, patch = {}) =>
            update((current) => ({
              ...current,
              actions: current.actions.map((a) => (a.id === sent.id ? ({ ...a, ...patch, sent: true } as QueuedAction) : a)),
            })),
          learnOffset: async (minutes) => syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: minutes }),
        });
        await complete(action, outcome);
      } catch (error) {
        if (await fail(action, error)) return;
      }
    }
  }

  /** Sends what is queued; a call while a drain runs makes it look at the queue once more when done. */
  function drain(): Promise<void> {
    drainRequested = true;
    draining ??= (async () => {
      try {
        while (drainRequested) {
          drainRequested = false;
          await drainOnce();
        }
      } finally {
        draining = null;
      }
    })();
    return draining;
  }

  return {
    /** Stores the actions (and any state that goes with them, in the same write), then sends. */
    async enqueue(actions: QueuedAction[], alongside: AlongsideWrite[] = []): Promise<void> {
      await serial(async () => {
        const queue = await actionQueue.getValue();
        await storage.setItems([{ item: actionQueue, value: { ...queue, actions: [...queue.actions, ...actions] } }, ...alongside]);
      });
      void drain();
    },
    drain,
    /** Resolves when the drain under way (if any) is done, without asking for another pass. */
    settled: (): Promise<void> => draining ?? Promise.resolve(),
  };
}

export type ActionQueueService = ReturnType<typeof createActionQueue>;
