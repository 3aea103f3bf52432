import { ApiError, formatApiDate, type TimeCampClient } from '@/lib/api';
import { account, accountKeyOf } from '@/lib/storage/account';
import { settings } from '@/lib/storage/settings';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { setTrustedItems, type TrustedWrite } from '@/lib/storage/trusted';
import { accountOffset } from '@/lib/timer/account-time';
import { retryDelay } from '@/lib/timer/backoff';
import { createSerial } from '@/lib/timer/serial';
import { capSpans } from './cap';
import { splitAtMidnight } from './midnight';
import { activityOutbox, activityRecorder, EMPTY_ACCOUNT_OUTBOX, waitingOf, type AccountOutbox, type ActivityOutbox, type InFlightBatch, type WaitingSpan } from './outbox';
import { step, type ClosedSpan, type RecorderEvent, type RecorderState } from './recorder';
import { activitySettingsOf } from './rules';
import { asActivity, BATCH_SIZE, landedSpans } from './sender';

export interface ActivityServiceDeps {
  /** The client for the signed-in account; null when signed out. */
  client(): Promise<TimeCampClient | null>;
  now(): number;
  newId(): string;
}

/** What waits to be sent for the signed-in account, as the options page shows it. */
export interface ActivityStatus {
  spans: number;
  seconds: number;
  /** The account's day (`YYYY-MM-DD`) of the oldest span waiting; null when none waits. */
  oldestDay: string | null;
}

/**
 * Browser activity: the recorder fed with the browser's events, the outbox
 * its spans wait in, and the sends to TimeCamp. The recorder's state and the
 * outbox change together in one storage write, one change at a time, so a
 * span is never both open and waiting, nor lost between the two.
 */
export function createActivityService(deps: ActivityServiceDeps) {
  const writer = createSerial();
  let flushing: Promise<void> | null = null;

  const offsetOf = async () => {
    const sync = await syncState.getValue();
    return (at: number) => accountOffset(sync, at);
  };

  /** Runs `change` alone, and writes what it returns in one transaction. */
  function exclusive<T>(change: (outbox: ActivityOutbox) => Promise<{ outbox?: ActivityOutbox; recorder?: RecorderState; result: T }>): Promise<T> {
    return writer(async () => {
      const { outbox, recorder, result } = await change(await activityOutbox.getValue());
      const writes: TrustedWrite<any>[] = [];
      if (outbox) writes.push({ item: activityOutbox, value: outbox });
      if (recorder) writes.push({ item: activityRecorder, value: recorder });
      await setTrustedItems(writes);
      return result;
    });
  }

  function withAccount(outbox: ActivityOutbox, key: string, change: (box: AccountOutbox) => AccountOutbox | null): ActivityOutbox {
    const accounts = { ...outbox.accounts };
    const next = change(accounts[key] ?? EMPTY_ACCOUNT_OUTBOX);
    if (next && (next.spans.length > 0 || next.inFlight)) accounts[key] = next;
    else delete accounts[key];
    return { accounts };
  }

  async function keep(outbox: ActivityOutbox, closed: ClosedSpan[]): Promise<ActivityOutbox> {
    if (closed.length === 0) return outbox;
    const running = (await runningTimer.getValue())?.taskId ?? null;
    const offset = await offsetOf();
    const dayOf = (at: number) => formatApiDate(at, offset(at));
    let next = outbox;
    for (const span of closed.flatMap((each) => splitAtMidnight(each, offset))) {
      // A span opened by an earlier version has no task noted: the timer running now is the best guess.
      const waiting: WaitingSpan = { domain: span.domain, title: span.title, start: span.start, end: span.end, taskId: span.taskId === undefined ? running : span.taskId };
      next = withAccount(next, span.accountKey, (box) => ({ ...box, spans: capSpans([...box.spans, waiting], dayOf) }));
    }
    return next;
  }

  /**
   * Feeds the recorder one event of the browser at `at`, once `event` (what
   * the browser showed then; null while recording is off) is known. Events
   * are applied in the order they came.
   */
  function record(at: number, event: RecorderEvent | null | Promise<RecorderEvent | null>): Promise<void> {
    return exclusive(async (outbox) => {
      const heard = await event;
      const prefs = activitySettingsOf(await settings.getValue());
      let recorder = await activityRecorder.getValue();
      const wasOpen = recorder.open;
      if (!prefs.enabled && !recorder.open) return { result: undefined };
      // Switched off: the open span closes, whatever the event was.
      const applied: RecorderEvent = prefs.enabled && heard ? heard : { type: 'settings' };
      const signedIn = await account.getValue();
      const accountKey = signedIn ? accountKeyOf(signedIn) : null;
      const closed: ClosedSpan[] = [];
      if (accountKey !== recorder.accountKey) {
        const switched = step(recorder, { type: 'account', accountKey }, at, prefs);
        recorder = switched.state;
        closed.push(...switched.closed);
      }
      const after = step(recorder, applied, at, prefs);
      closed.push(...after.closed);
      const opened = after.state.open;
      // A span opened now carries the task of the timer running now.
      const state = opened && opened !== wasOpen ? { ...after.state, open: { ...opened, taskId: (await runningTimer.getValue())?.taskId ?? null } } : after.state;
      return { outbox: await keep(outbox, closed), recorder: state, result: undefined };
    });
  }

  async function failed(key: string, error: unknown): Promise<void> {
    // Offline, a server error, a refusal: the spans stay, and the next try waits longer (a server's Retry-After wins).
    const retryAfter = error instanceof ApiError ? error.retryAfterMs : undefined;
    await exclusive(async (outbox) => ({
      outbox: withAccount(outbox, key, (box) => ({ ...box, failures: box.failures + 1, notBefore: deps.now() + retryDelay(box.failures + 1, retryAfter) })),
      result: undefined,
    }));
  }

  /** Sends `batch` (already marked in flight); true when TimeCamp confirmed it. */
  async function send(api: TimeCampClient, key: string, batch: InFlightBatch): Promise<boolean> {
    const offset = await offsetOf();
    try {
      await api.activities.add(batch.spans.map((span) => asActivity(span, offset)));
    } catch (error) {
      await failed(key, error);
      return false;
    }
    await exclusive(async (outbox) => ({
      outbox: withAccount(outbox, key, (box) => (box.inFlight?.id === batch.id ? { ...box, inFlight: null, failures: 0, notBefore: null } : box)),
      result: undefined,
    }));
    return true;
  }

  /** A batch whose answer never came: what TimeCamp has of it is done; the rest goes again. */
  async function settleInFlight(api: TimeCampClient, key: string, batch: InFlightBatch): Promise<InFlightBatch | null | 'failed'> {
    let landed: Set<WaitingSpan>;
    try {
      landed = await landedSpans(api, batch.spans, await offsetOf());
    } catch (error) {
      await failed(key, error);
      return 'failed';
    }
    const rest = batch.spans.filter((span) => !landed.has(span));
    const next = rest.length > 0 ? { ...batch, spans: rest, sentAt: deps.now() } : null;
    await exclusive(async (outbox) => ({
      outbox: withAccount(outbox, key, (box) => (box.inFlight?.id === batch.id ? { ...box, inFlight: next } : box)),
      result: undefined,
    }));
    return next;
  }

  async function flushOnce(urgent: boolean): Promise<void> {
    const prefs = activitySettingsOf(await settings.getValue());
    const signedIn = await account.getValue();
    if (!prefs.enabled || !signedIn) return;
    const key = accountKeyOf(signedIn);
    const api = await deps.client();
    const box = (await activityOutbox.getValue()).accounts[key];
    if (!api || !box) return;
    if (!urgent && box.notBefore !== null && deps.now() < box.notBefore) return;

    if (box.inFlight) {
      const again = await settleInFlight(api, key, box.inFlight);
      if (again === 'failed' || (again && !(await send(api, key, again)))) return;
    }
    for (;;) {
      // The batch leaves the waiting list and is marked in flight in one write, before it is sent.
      const batch = await exclusive(async (outbox) => {
        const current = outbox.accounts[key];
        if (!current || current.inFlight || current.spans.length === 0) return { result: null };
        const taken: InFlightBatch = { id: deps.newId(), spans: current.spans.slice(0, BATCH_SIZE), sentAt: deps.now() };
        return { outbox: withAccount(outbox, key, (b) => ({ ...b, spans: b.spans.slice(BATCH_SIZE), inFlight: taken })), result: taken };
      });
      if (!batch || !(await send(api, key, batch))) return;
    }
  }

  return {
    record,

    /**
     * Sends what waits for the signed-in account, a batch at a time, unless a
     * failure asked to wait (`urgent` does not wait). One flush at a time.
     */
    flush({ urgent = false }: { urgent?: boolean } = {}): Promise<void> {
      flushing ??= flushOnce(urgent).finally(() => {
        flushing = null;
      });
      return flushing;
    },

    async status(): Promise<ActivityStatus> {
      const signedIn = await account.getValue();
      const spans = signedIn ? waitingOf((await activityOutbox.getValue()).accounts[accountKeyOf(signedIn)]) : [];
      const offset = await offsetOf();
      const oldest = spans[0];
      return {
        spans: spans.length,
        seconds: Math.round(spans.reduce((sum, span) => sum + (span.end - span.start), 0) / 1000),
        oldestDay: oldest ? formatApiDate(oldest.start, offset(oldest.start)) : null,
      };
    },

    /** The user's Delete what is waiting: every span of the signed-in account, sent or not yet confirmed, is forgotten. */
    async deleteWaiting(): Promise<void> {
      const signedIn = await account.getValue();
      if (!signedIn) return;
      const key = accountKeyOf(signedIn);
      await exclusive(async (outbox) => ({ outbox: withAccount(outbox, key, () => null), result: undefined }));
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
