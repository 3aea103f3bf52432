import { ApiError, type TimeCampClient } from '@/lib/api';
import { account, accountKeyOf } from '@/lib/storage/account';
import { setTrustedItems, type TrustedWrite } from '@/lib/storage/trusted';
import { actionQueue, type ActionQueue, type QueuedAction } from '@/lib/storage/queue';
import { syncState, type SyncProblem } from '@/lib/storage/sync';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import { accountDate, accountDateTime } from './account-time';
import { retryDelay } from './backoff';
import { heldStartAsEntry, isRefusedStart, nextSendable, readStoredQueue, removeActions, RETRYABLE_KINDS, withDependents } from './queue-rules';
import { describeAction, runAction, type ActionOutcome } from './run-action';
import { createSerial } from './serial';

export interface ActionQueueDeps {
  /** The client for the signed-in account; null when signed out. */
  client(): Promise<TimeCampClient | null>;
  now(): number;
  /** Asks to be woken to drain again after `delayMs` (an alarm: the worker may be gone by then). */
  scheduleRetry(delayMs: number): void;
  /** Whether the browser believes it is online; failures while it is not are not the action's fault. */
  online?(): boolean;
  /** The browser refused to save the queue (no space left), or saves it again. */
  onStorageFull?(full: boolean): void;
}

/** Writes that must land in the same storage transaction as the queued actions. */
export type AlongsideWrite = TrustedWrite<any>;

/** What a change to the queue reads: the queue, the running timer and whose they are. */
export interface QueueView {
  queue: ActionQueue;
  timer: RunningTimer | null;
  /** `accountKeyOf` the signed-in account; null when signed out. */
  accountKey: string | null;
}

/** What one change writes: the queue, the running timer (null: none runs), and anything that goes with them. */
export interface QueueWrite {
  queue?: ActionQueue;
  timer?: RunningTimer | null;
  alongside?: AlongsideWrite[];
}

/** What a user's action queues: the actions, and the state that changes with them. */
export interface Queued {
  actions: QueuedAction[];
  timer?: RunningTimer | null;
  alongside?: AlongsideWrite[];
}

export { RETRYABLE_KINDS } from './queue-rules';

/** An action the user changed or withdrew after it was picked to send: it is not sent; the drain moves on to the queue as it is now. */
class SupersededError extends Error {
  override readonly name = 'SupersededError';
}

const revisionOf = (action: QueuedAction) => (action.type === 'add-entry' ? (action.revision ?? 0) : 0);

/**
 * Attempts at one action before it waits for the user. Doubling from 5 s to
 * 5 min, eight attempts span about ten minutes of a server that keeps failing.
 */
export const MAX_ATTEMPTS = 8;

export interface DrainOptions {
  /** The user is acting or looking: a backoff of ours is cut short (a server's Retry-After never is). */
  urgent?: boolean;
}

/**
 * The persisted queue of everything the user did. An action is stored before
 * anything is sent, sent in order, and removed only once TimeCamp has it; a
 * worker killed at any point finds it again and replays it idempotently.
 * Every change to the queue and the running timer goes through one writer
 * section, so a click, a drain and a sync never write over each other.
 */
export function createActionQueue(deps: ActionQueueDeps) {
  const writer = createSerial();
  let draining: Promise<void> | null = null;
  let drainRequested = false;
  let urgentRequested = false;
  /**
   * The queue (and timer) the browser refused to save for lack of space: kept
   * here, sent from here, and saved with the next write that succeeds. No
   * click is dropped because the disk is full; it only lasts while the worker does.
   */
  let unsaved: { queue: ActionQueue; timer?: RunningTimer | null } | null = null;

  async function view(): Promise<QueueView> {
    const [stored, timer, signedIn] = await Promise.all([actionQueue.getValue(), runningTimer.getValue(), account.getValue()]);
    const accountKey = signedIn ? accountKeyOf(signedIn) : null;
    if (unsaved) return { queue: unsaved.queue, timer: unsaved.timer !== undefined ? unsaved.timer : timer, accountKey };
    return { queue: readStoredQueue(stored, accountKey), timer, accountKey };
  }

  /** Runs `change` alone; what it returns is written in one storage transaction (queue, timer and anything alongside). */
  function exclusive(change: (current: QueueView) => Promise<QueueWrite | null>): Promise<void> {
    return writer(async () => {
      const current = await view();
      const next = await change(current);
      if (!next) return;
      const queue = next.queue ?? (unsaved ? current.queue : undefined);
      const timer = next.timer !== undefined ? next.timer : unsaved?.timer;
      const writes: AlongsideWrite[] = [...(next.alongside ?? [])];
      if (queue) writes.push({ item: actionQueue, value: queue });
      if (timer !== undefined) writes.push({ item: runningTimer, value: timer });
      try {
        await setTrustedItems(writes);
      } catch (error) {
        if (!queue) throw error;
        unsaved = { queue, timer };
        deps.onStorageFull?.(true);
        return;
      }
      if (unsaved) deps.onStorageFull?.(false);
      unsaved = null;
    });
  }

  async function setProblem(problem: SyncProblem | null, authProblem?: boolean) {
    const sync = await syncState.getValue();
    // Best effort: with no space left to save it, the queue itself still holds what matters.
    await syncState.setValue({ ...sync, problem, authProblem: authProblem ?? sync.authProblem }).catch(() => undefined);
  }

  const markSent = (sent: QueuedAction, patch: Partial<Extract<QueuedAction, { type: 'start' }>> = {}) =>
    exclusive(async ({ queue }) => {
      // The user edited or deleted it since it was picked to send: this version must not go out.
      const stored = queue.actions.find((a) => a.id === sent.id);
      if (!stored || revisionOf(stored) !== revisionOf(sent)) throw new SupersededError();
      return { queue: { ...queue, actions: queue.actions.map((a) => (a.id === sent.id ? ({ ...a, ...patch, sent: true } as QueuedAction) : a)) } };
    });

  async function complete(action: QueuedAction, outcome: ActionOutcome) {
    await exclusive(async ({ queue, timer }) => {
      const started = outcome.started ? { ...queue.started, [action.id]: outcome.started } : queue.started;
      const stored = queue.actions.find((a) => a.id === action.id);
      // Edited while its older version was out: the edit is still to be sent (as a change of what landed).
      const revised = stored !== undefined && revisionOf(stored) !== revisionOf(action);
      const rest = revised ? { ...queue, started } : removeActions({ ...queue, started }, new Set([action.id]));
      const ours = timer?.startId === action.id;
      return {
        queue: { ...rest, failures: 0, notBefore: null, serverAsked: false },
        // TimeCamp has the timer now: the running timer is known by its id from here on.
        ...(ours && outcome.started && { timer: { ...timer, ...outcome.started, startId: null } }),
        ...(ours && outcome.gone && { timer: null }),
      };
    });
    const { problem } = await syncState.getValue();
    if (problem && RETRYABLE_KINDS.has(problem.kind)) await setProblem(null);
  }

  /** Sets an action aside for the user, with TimeCamp's words; what depends on it waits with it. */
  const hold = (action: QueuedAction, error: ApiError, attempts: number) =>
    exclusive(async ({ queue }) => ({
      queue: {
        ...queue,
        failures: 0,
        notBefore: null,
        serverAsked: false,
        actions: queue.actions.map((a) =>
          a.id === action.id
            ? {
                ...a,
                attempts,
                attention: {
                  kind: error.kind,
                  message: error.details.serverMessage ?? error.message,
                  heldAt: deps.now(),
                  // Sent before this attempt: a refusal of the check now says nothing of whether that one landed.
                  ...(action.sent && { mayHaveLanded: true }),
                },
              }
            : a,
        ),
      },
    }));

  /** Returns true when draining should stop for now. */
  async function fail(action: QueuedAction, error: unknown): Promise<boolean> {
    const apiError = error instanceof ApiError ? error : new ApiError('malformed', (error as Error)?.message ?? String(error));
    const problem = { kind: apiError.kind, message: apiError.details.serverMessage ?? apiError.message, during: describeAction(action), at: deps.now() };
    if (apiError.kind === 'auth') {
      // Nothing is held or dropped: the queue waits for a new token.
      await setProblem(problem, true);
      return true;
    }
    // Being offline is not the action's fault: it waits for the connection without using up its attempts.
    const counts = apiError.kind !== 'network' || deps.online?.() !== false;
    const attempts = (action.attempts ?? 0) + (counts ? 1 : 0);
    if (!RETRYABLE_KINDS.has(apiError.kind) || attempts >= MAX_ATTEMPTS) {
      // Refused (a task one may not track to, a locked entry), or failing time after time:
      // sending it again alone cannot help. The user decides; the rest goes on.
      await hold(action, apiError, attempts);
      return false;
    }
    await exclusive(async ({ queue }) => {
      const failures = queue.failures + 1;
      const delay = retryDelay(failures, apiError.retryAfterMs);
      deps.scheduleRetry(delay);
      return {
        queue: {
          ...queue,
          failures,
          notBefore: deps.now() + delay,
          serverAsked: apiError.retryAfterMs !== undefined,
          actions: queue.actions.map((a) => (a.id === action.id ? { ...a, attempts } : a)),
        },
      };
    });
    await setProblem(problem);
    return true;
  }

  async function drainOnce(urgent: boolean): Promise<void> {
    const client = await deps.client();
    if (!client || (await syncState.getValue()).authProblem) return;
    const first = await view();
    const { notBefore, serverAsked } = first.queue;
    if (notBefore !== null && deps.now() < notBefore && (serverAsked || !urgent)) {
      // Woken early (a new worker, a tracker page, a click): the wait still stands, and its alarm with it.
      deps.scheduleRetry(notBefore - deps.now());
      return;
    }
    for (;;) {
      const { queue, accountKey } = await view();
      const action = accountKey === null ? null : nextSendable(queue, accountKey);
      if (!action) return;
      try {
        const outcome = await runAction(action, {
          client,
          sync: await syncState.getValue(),
          started: queue.started,
          now: deps.now,
          markSent,
          learnOffset: async (minutes) => syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: minutes }),
        });
        await complete(action, outcome);
      } catch (error) {
        if (error instanceof SupersededError) continue;
        if (await fail(action, error)) return;
      }
    }
  }

  /** Sends what is queued; a call while a drain runs makes it look at the queue once more when done. */
  function drain(options: DrainOptions = {}): Promise<void> {
    drainRequested = true;
    urgentRequested ||= options.urgent === true;
    draining ??= (async () => {
      try {
        while (drainRequested) {
          drainRequested = false;
          const urgent = urgentRequested;
          urgentRequested = false;
          await drainOnce(urgent);
        }
      } finally {
        draining = null;
      }
    })();
    return draining;
  }

  return {
    exclusive,

    /**
     * Queues what `build` makes of the current state, in one storage write
     * with the running timer and anything alongside, then sends it. `build`
     * runs in the writer section: what it reads cannot change under it.
     */
    async enqueue(build: (current: QueueView) => Promise<Queued | null>): Promise<void> {
      await exclusive(async (current) => {
        const made = await build(current);
        if (!made) return null;
        const queue = { ...current.queue, actions: [...current.queue.actions, ...made.actions], revision: current.queue.revision + 1 };
        return { queue, timer: made.timer, alongside: made.alongside };
      });
      void drain({ urgent: true });
    },

    drain,

    /** Resolves when the drain under way (if any) is done, without asking for another pass. */
    settled: (): Promise<void> => draining ?? Promise.resolve(),

    /** The user's Retry on a held action: it is sent again at once, its attempts counted afresh. */
    async retry(id: string): Promise<void> {
      await exclusive(async ({ queue, timer }) => {
        const held = queue.actions.find((action) => action.id === id && action.attention);
        if (!held) return null;
        const sync = await syncState.getValue();
        // A refused start whose timer ended here meanwhile is sent as the entry it became (see heldStartAsEntry).
        const reshaped =
          isRefusedStart(held) && timer?.startId !== id
            ? heldStartAsEntry(queue, id, (at) => ({ date: accountDate(sync, at), dateTime: accountDateTime(sync, at) }))
            : queue;
        const actions = reshaped.actions.map((action) => (action.id === id ? { ...action, attention: undefined, attempts: 0 } : action));
        return { queue: { ...reshaped, actions, failures: 0, notBefore: null, serverAsked: false } };
      });
      await drain({ urgent: true });
    },

    /** The user's Discard on a held action: it goes, with what depends on it (a refused start's stop and note). */
    async discard(id: string): Promise<void> {
      await exclusive(async ({ queue, timer }) => {
        if (!queue.actions.some((action) => action.id === id && action.attention)) return null;
        return { queue: removeActions(queue, withDependents(queue.actions, id)), ...(timer?.startId === id && { timer: null }) };
      });
      await drain({ urgent: true });
    },
  };
}

export type ActionQueueService = ReturnType<typeof createActionQueue>;
