import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiError, formatApiDateTime, localOffsetMinutes, type Entry, type TimeCampClient, type TimerStatus } from '@/lib/api';
import type { QueuedAction } from '@/lib/storage/queue';
import { describeAction, runAction, type ConfirmedTimer, type RunContext } from '@/lib/timer/run-action';

// One queued action against a fake TimeCamp: what it is sent, what it is not, and what comes back.

/** A Friday, 09:00 UTC: 10:00 in an account one hour east of UTC. */
const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const OFFSET = 60;
const DAY = '2026-11-27';
/** T0 in the account's zone, as TimeCamp writes it. */
const AT = `${DAY} 10:00:00`;
const TASK = 3;
const OTHER_TASK = 7;

type Running = Extract<TimerStatus, { running: true }>;
type Of<T extends QueuedAction['type']> = Extract<QueuedAction, { type: T }>;
type Fields<T extends QueuedAction['type']> = Omit<Of<T>, 'type' | 'id' | 'at' | 'account'> & Partial<Pick<QueuedAction, 'at' | 'sent'>>;

const idle: TimerStatus = { running: false };

function running(timerId: number, more: Partial<Running> = {}): Running {
  return { running: true, timerId, entryId: null, taskId: TASK, startTime: AT, elapsedSeconds: 0, taskName: 'Task', externalTaskId: null, ...more };
}

function entry(id: number, fields: Partial<Entry> = {}): Entry {
  return {
    id,
    durationSeconds: 3600,
    userId: 1,
    userName: 'Demo',
    taskId: TASK,
    taskName: 'Task',
    date: DAY,
    startTime: `${DAY} 09:00:00`,
    endTime: `${DAY} 10:00:00`,
    note: 'Review',
    billable: false,
    invoiceId: null,
    locked: false,
    addonsExternalId: null,
    modifiedAt: null,
    color: null,
    ...fields,
  };
}

function action<T extends QueuedAction['type']>(type: T, fields: Fields<T>): Of<T> {
  // The union cannot be narrowed by a generic `type`: the fields given are those of `Of<T>`.
  return { id: 'action-1', at: T0, account: 'account', type, ...fields } as unknown as Of<T>;
}

interface Setup {
  /** The account's zone, null while unknown. */
  offset?: number | null;
  now?: number;
  /** TimeCamp's answers to status, in turn; the last one is repeated. */
  statuses?: TimerStatus[];
  /** What TimeCamp lists for a day. */
  entries?: Entry[];
  started?: Record<string, ConfirmedTimer>;
}

function setup(options: Setup = {}) {
  const statuses = [...(options.statuses ?? [idle])];
  const timer = {
    status: vi.fn<TimeCampClient['timer']['status']>(async () => (statuses.length > 1 ? statuses.shift()! : statuses[0]!)),
    start: vi.fn<TimeCampClient['timer']['start']>(async () => ({ timerId: 5, entryId: 50 })),
    stop: vi.fn<TimeCampClient['timer']['stop']>(async () => ({ elapsedSeconds: 60, entryId: 50, entrySeconds: 60 })),
    discard: vi.fn<TimeCampClient['timer']['discard']>(async () => undefined),
  };
  const entries = {
    list: vi.fn<TimeCampClient['entries']['list']>(async () => options.entries ?? []),
    add: vi.fn<TimeCampClient['entries']['add']>(async () => ({ id: 99 })),
    update: vi.fn<TimeCampClient['entries']['update']>(async () => null),
    remove: vi.fn<TimeCampClient['entries']['remove']>(async () => undefined),
  };
  const markSent = vi.fn<RunContext['markSent']>(async () => undefined);
  const learnOffset = vi.fn<RunContext['learnOffset']>(async () => undefined);
  const ctx: RunContext = {
    client: { timer, entries } as unknown as TimeCampClient,
    sync: { accountOffsetMinutes: options.offset === undefined ? OFFSET : options.offset },
    started: options.started ?? {},
    now: () => options.now ?? T0,
    markSent,
    learnOffset,
  };
  return { timer, entries, markSent, learnOffset, ctx };
}

describe('a start', () => {
  it('sends the task and the moment of the click in the account zone, and returns the timer TimeCamp names', async () => {
    const { timer, markSent, ctx } = setup();
    const start = action('start', { taskId: TASK });
    await expect(runAction(start, ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
    expect(markSent).toHaveBeenCalledWith(start, { sentStartedAt: AT });
    expect(timer.start).toHaveBeenCalledWith({ taskId: TASK, startedAt: AT });
  });

  describe('sent before, its answer lost', () => {
    it('is not started again when its timer runs there, and takes the entry from the status', async () => {
      const { timer, entries, ctx } = setup({ statuses: [running(8, { entryId: 11 })] });
      await expect(runAction(action('start', { taskId: TASK, sent: true }), ctx)).resolves.toEqual({ started: { timerId: 8, entryId: 11 } });
      expect(timer.start).not.toHaveBeenCalled();
      expect(entries.list).not.toHaveBeenCalled();
    });

    it('is ours too when TimeCamp names no task for the timer', async () => {
      const { timer, ctx } = setup({ statuses: [running(8, { entryId: 11, taskId: null })] });
      await expect(runAction(action('start', { taskId: TASK, sent: true }), ctx)).resolves.toEqual({ started: { timerId: 8, entryId: 11 } });
      expect(timer.start).not.toHaveBeenCalled();
    });

    it('finds the entry among the day’s entries when the status does not name it: the one of its task at its start time', async () => {
      const { timer, entries, ctx } = setup({
        statuses: [running(8)],
        entries: [
          entry(20, { startTime: '09:30:00' }),
          entry(21, { startTime: '10:00:00', taskId: OTHER_TASK }),
          entry(22, { startTime: '10:00:00' }),
        ],
      });
      await expect(runAction(action('start', { taskId: TASK, sent: true }), ctx)).resolves.toEqual({ started: { timerId: 8, entryId: 22 } });
      expect(entries.list).toHaveBeenCalledWith({ from: DAY, to: DAY, userIds: ['me'] });
      expect(timer.start).not.toHaveBeenCalled();
    });

    it('keeps the timer without an entry when no entry of the day matches it', async () => {
      const { ctx } = setup({ statuses: [running(8)], entries: [entry(20, { startTime: '09:30:00' })] });
      await expect(runAction(action('start', { taskId: TASK, sent: true }), ctx)).resolves.toEqual({ started: { timerId: 8, entryId: null } });
    });

    it('starts again when the running timer is of another task, though it started at the same moment', async () => {
      const { timer, ctx } = setup({ statuses: [running(8, { entryId: 11, taskId: OTHER_TASK })] });
      await expect(runAction(action('start', { taskId: TASK, sent: true }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(timer.start).toHaveBeenCalledWith({ taskId: TASK, startedAt: AT });
      expect(timer.discard).not.toHaveBeenCalled();
    });

    it('starts again when the running timer started at another moment', async () => {
      const { timer, ctx } = setup({ statuses: [running(8, { entryId: 11, startTime: `${DAY} 09:45:00` })] });
      await runAction(action('start', { taskId: TASK, sent: true }), ctx);
      expect(timer.start).toHaveBeenCalledTimes(1);
    });

    it('starts again when nothing runs, without throwing anything away', async () => {
      const { timer, ctx } = setup({ statuses: [idle] });
      await runAction(action('start', { taskId: TASK, sent: true }), ctx);
      expect(timer.discard).not.toHaveBeenCalled();
      expect(timer.start).toHaveBeenCalledWith({ taskId: TASK, startedAt: AT });
    });

    it('throws away its timer started at a wrongly guessed moment, and starts it at the right one', async () => {
      const wrong = `${DAY} 09:00:00`;
      const { timer, markSent, ctx } = setup({ statuses: [running(8, { entryId: 11, startTime: wrong }), idle] });
      const start = action('start', { taskId: TASK, sent: true, sentStartedAt: wrong });
      await expect(runAction(start, ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(timer.discard).toHaveBeenCalledTimes(1);
      expect(markSent).toHaveBeenCalledWith(start, { sentStartedAt: AT });
      expect(timer.start).toHaveBeenCalledWith({ taskId: TASK, startedAt: AT });
    });

    it('leaves a timer that is not its own running, whatever it last sent', async () => {
      const { timer, ctx } = setup({ statuses: [running(8, { entryId: 11, taskId: OTHER_TASK, startTime: `${DAY} 08:00:00` })] });
      await runAction(action('start', { taskId: TASK, sent: true, sentStartedAt: `${DAY} 09:00:00` }), ctx);
      expect(timer.discard).not.toHaveBeenCalled();
      expect(timer.start).toHaveBeenCalledTimes(1);
    });

    it('leaves a running timer alone when it never recorded what it sent', async () => {
      const { timer, ctx } = setup({ statuses: [running(8, { entryId: 11, taskId: OTHER_TASK })] });
      await runAction(action('start', { taskId: TASK, sent: true }), ctx);
      expect(timer.discard).not.toHaveBeenCalled();
    });
  });

  describe('taken by TimeCamp without naming its entry', () => {
    it('is confirmed by the status when it runs the timer TimeCamp answered', async () => {
      const { timer, ctx } = setup({ statuses: [running(5, { entryId: 12 })] });
      timer.start.mockResolvedValue({ timerId: 5, entryId: null });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 12 } });
    });

    it('is gone when the status runs another timer', async () => {
      const { timer, ctx } = setup({ statuses: [running(6, { entryId: 12 })] });
      timer.start.mockResolvedValue({ timerId: 5, entryId: null });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ gone: true });
    });

    it('is gone when nothing runs', async () => {
      const { timer, ctx } = setup({ statuses: [idle] });
      timer.start.mockResolvedValue({ timerId: 5, entryId: null });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ gone: true });
    });

    it('takes the running timer when TimeCamp answered nothing at all', async () => {
      const { timer, ctx } = setup({ statuses: [running(8, { entryId: 12 })] });
      timer.start.mockResolvedValue(null);
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 8, entryId: 12 } });
    });

    it('has no entry when the running timer has no start time to look it up by', async () => {
      const { timer, entries, ctx } = setup({ statuses: [running(8, { startTime: null })] });
      timer.start.mockResolvedValue(null);
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 8, entryId: null } });
      expect(entries.list).not.toHaveBeenCalled();
    });
  });

  describe("before the account's zone is known", () => {
    const guess = localOffsetMinutes(T0) || 0; // the browser zone (-0 where it is UTC)
    const guessedAt = formatApiDateTime(T0, guess);
    const trueOffset = guess + 60;
    const rightAt = formatApiDateTime(T0, trueOffset);

    it('learns the zone from a timer already running, and starts at the right moment', async () => {
      const { timer, learnOffset, ctx } = setup({ offset: null, statuses: [running(8, { startTime: formatApiDateTime(T0 - 600_000, trueOffset), elapsedSeconds: 600 })] });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(learnOffset).toHaveBeenCalledWith(trueOffset);
      expect(timer.start).toHaveBeenCalledWith({ taskId: TASK, startedAt: rightAt });
    });

    it('starts at the guessed moment when a running timer shows no start time', async () => {
      const { timer, learnOffset, ctx } = setup({ offset: null, statuses: [running(8, { startTime: null })] });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(timer.start).toHaveBeenCalledWith({ taskId: TASK, startedAt: guessedAt });
      expect(learnOffset).not.toHaveBeenCalled();
    });

    it('learns nothing when nothing runs, before or after the start', async () => {
      const { timer, learnOffset, ctx } = setup({ offset: null, statuses: [idle] });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(learnOffset).not.toHaveBeenCalled();
      expect(timer.start).toHaveBeenCalledTimes(1);
      expect(timer.discard).not.toHaveBeenCalled();
    });

    it('learns nothing from another timer running after the start', async () => {
      const { timer, learnOffset, ctx } = setup({ offset: null, statuses: [idle, running(6, { startTime: rightAt })] });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(learnOffset).not.toHaveBeenCalled();
      expect(timer.discard).not.toHaveBeenCalled();
    });

    it('learns nothing when its timer shows no start time', async () => {
      const { timer, learnOffset, ctx } = setup({ offset: null, statuses: [idle, running(5, { startTime: null })] });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(learnOffset).not.toHaveBeenCalled();
      expect(timer.discard).not.toHaveBeenCalled();
    });

    it('learns nothing from a start time it cannot read', async () => {
      const { timer, learnOffset, ctx } = setup({ offset: null, statuses: [idle, running(5, { startTime: '2026-02-31 10:00:00' })] });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(learnOffset).not.toHaveBeenCalled();
      expect(timer.discard).not.toHaveBeenCalled();
      expect(timer.start).toHaveBeenCalledTimes(1);
    });

    it('keeps the timer when the guess was right, and remembers the zone', async () => {
      const { timer, learnOffset, ctx } = setup({ offset: null, statuses: [idle, running(5, { startTime: guessedAt })] });
      await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 5, entryId: 50 } });
      expect(learnOffset).toHaveBeenCalledWith(guess);
      expect(timer.discard).not.toHaveBeenCalled();
      expect(timer.start).toHaveBeenCalledTimes(1);
    });

    describe('when the guess was wrong', () => {
      it('throws the timer away and starts it again at the right moment, recorded before it goes out', async () => {
        const { timer, learnOffset, markSent, ctx } = setup({ offset: null, statuses: [idle, running(5, { startTime: rightAt })] });
        timer.start.mockResolvedValueOnce({ timerId: 5, entryId: 50 }).mockResolvedValueOnce({ timerId: 7, entryId: 70 });
        const start = action('start', { taskId: TASK });
        await expect(runAction(start, ctx)).resolves.toEqual({ started: { timerId: 7, entryId: 70 } });
        expect(learnOffset).toHaveBeenCalledWith(trueOffset);
        expect(timer.discard).toHaveBeenCalledTimes(1);
        expect(timer.start.mock.calls).toEqual([[{ taskId: TASK, startedAt: guessedAt }], [{ taskId: TASK, startedAt: rightAt }]]);
        expect(markSent).toHaveBeenLastCalledWith(start, { sentStartedAt: rightAt });
      });

      it('takes the new timer from the status when TimeCamp does not name its entry', async () => {
        const { timer, ctx } = setup({ offset: null, statuses: [idle, running(5, { startTime: rightAt }), running(7, { entryId: 71, startTime: rightAt })] });
        timer.start.mockResolvedValueOnce({ timerId: 5, entryId: 50 }).mockResolvedValueOnce({ timerId: 7, entryId: null });
        await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 7, entryId: 71 } });
      });

      it('takes the new timer from the status when TimeCamp answers nothing', async () => {
        const { timer, ctx } = setup({ offset: null, statuses: [idle, running(5, { startTime: rightAt }), running(7, { entryId: 71, startTime: rightAt })] });
        timer.start.mockResolvedValueOnce({ timerId: 5, entryId: 50 }).mockResolvedValueOnce(null);
        await expect(runAction(action('start', { taskId: TASK }), ctx)).resolves.toEqual({ started: { timerId: 7, entryId: 71 } });
      });
    });
  });
});

describe('a stop', () => {
  const ours = { timerId: 5, entryId: 50 };

  it('is sent at once for a fresh click, with the moment of the click in the account zone', async () => {
    // Even a status that says nothing runs is not asked: a fresh stop needs no look.
    const { timer, markSent, ctx } = setup({ statuses: [idle], now: T0 + 5_000 });
    const stop = action('stop', { timer: ours });
    await expect(runAction(stop, ctx)).resolves.toEqual({});
    expect(markSent).toHaveBeenCalledWith(stop);
    expect(timer.stop).toHaveBeenCalledWith({ timerId: 5, stoppedAt: AT });
    expect(timer.status).not.toHaveBeenCalled();
  });

  it('is sent without a look when exactly a minute old', async () => {
    const { timer, ctx } = setup({ statuses: [idle], now: T0 + 60_000 });
    await runAction(action('stop', { timer: ours }), ctx);
    expect(timer.stop).toHaveBeenCalledTimes(1);
  });

  it('stops the timer of its start, by what TimeCamp answered that start', async () => {
    const { timer, ctx } = setup({ started: { 'start-1': { timerId: 8, entryId: 80 } } });
    await runAction(action('stop', { timer: { startId: 'start-1' } }), ctx);
    expect(timer.stop).toHaveBeenCalledWith({ timerId: 8, stoppedAt: AT });
  });

  it('sends nothing when its start never reached TimeCamp', async () => {
    const { timer, markSent, ctx } = setup();
    await expect(runAction(action('stop', { timer: { startId: 'start-1' } }), ctx)).resolves.toEqual({});
    expect(timer.stop).not.toHaveBeenCalled();
    expect(markSent).not.toHaveBeenCalled();
  });

  describe('that may have gone out before', () => {
    it('sends nothing when its timer no longer runs', async () => {
      const { timer, markSent, ctx } = setup({ statuses: [idle] });
      await expect(runAction(action('stop', { timer: ours, sent: true }), ctx)).resolves.toEqual({});
      expect(timer.stop).not.toHaveBeenCalled();
      expect(markSent).not.toHaveBeenCalled();
    });

    it('sends nothing when another timer runs', async () => {
      const { timer, ctx } = setup({ statuses: [running(6)] });
      await runAction(action('stop', { timer: ours, sent: true }), ctx);
      expect(timer.stop).not.toHaveBeenCalled();
    });

    it('stops its timer when it still runs', async () => {
      const { timer, ctx } = setup({ statuses: [running(5)] });
      await runAction(action('stop', { timer: ours, sent: true }), ctx);
      expect(timer.stop).toHaveBeenCalledWith({ timerId: 5, stoppedAt: AT });
    });
  });

  describe('queued more than a minute ago', () => {
    it('sends nothing when its timer no longer runs', async () => {
      const { timer, ctx } = setup({ statuses: [idle], now: T0 + 60_001 });
      await runAction(action('stop', { timer: ours }), ctx);
      expect(timer.stop).not.toHaveBeenCalled();
    });

    it('stops its timer at the moment of the click when it still runs', async () => {
      const { timer, ctx } = setup({ statuses: [running(5)], now: T0 + 3_600_000 });
      await runAction(action('stop', { timer: ours }), ctx);
      expect(timer.stop).toHaveBeenCalledWith({ timerId: 5, stoppedAt: AT });
    });
  });

  describe('refused by TimeCamp', () => {
    it.each(['bad-request', 'not-found'] as const)('is done when it is refused (%s) and its timer no longer runs', async (kind) => {
      const { timer, ctx } = setup({ statuses: [idle] });
      timer.stop.mockRejectedValue(new ApiError(kind, 'This action is not allowed.'));
      await expect(runAction(action('stop', { timer: ours }), ctx)).resolves.toEqual({});
    });

    it('fails when it is refused and its timer still runs', async () => {
      const { timer, ctx } = setup({ statuses: [running(5)] });
      const refusal = new ApiError('bad-request', 'This action is not allowed.');
      timer.stop.mockRejectedValue(refusal);
      await expect(runAction(action('stop', { timer: ours }), ctx)).rejects.toBe(refusal);
    });

    it('fails on any other error, whether or not its timer runs', async () => {
      const { timer, ctx } = setup({ statuses: [idle] });
      const error = new ApiError('server', 'TimeCamp had a server error (500)');
      timer.stop.mockRejectedValue(error);
      await expect(runAction(action('stop', { timer: ours }), ctx)).rejects.toBe(error);
    });

    it('fails on an error that is not TimeCamp’s', async () => {
      const { timer, ctx } = setup({ statuses: [idle] });
      const error = Object.assign(new Error('broken'), { kind: 'not-found' });
      timer.stop.mockRejectedValue(error);
      await expect(runAction(action('stop', { timer: ours }), ctx)).rejects.toBe(error);
    });
  });
});

describe('a discard', () => {
  it('throws away its timer when it runs', async () => {
    const { timer, markSent, ctx } = setup({ statuses: [running(5)] });
    const discard = action('discard', { timer: { timerId: 5, entryId: 50 } });
    await expect(runAction(discard, ctx)).resolves.toEqual({});
    expect(markSent).toHaveBeenCalledWith(discard);
    expect(timer.discard).toHaveBeenCalledTimes(1);
  });

  it('does not throw away another timer', async () => {
    const { timer, ctx } = setup({ statuses: [running(6)] });
    await expect(runAction(action('discard', { timer: { timerId: 5, entryId: 50 } }), ctx)).resolves.toEqual({});
    expect(timer.discard).not.toHaveBeenCalled();
  });

  it('sends nothing when its start never reached TimeCamp', async () => {
    const { timer, ctx } = setup({ statuses: [running(6)] });
    await expect(runAction(action('discard', { timer: { startId: 'start-1' } }), ctx)).resolves.toEqual({});
    expect(timer.discard).not.toHaveBeenCalled();
  });
});

describe('a change to the running timer', () => {
  const changes = { taskId: OTHER_TASK, note: 'Call', billable: true };

  it("changes the timer's entry", async () => {
    const { entries, ctx } = setup();
    await expect(runAction(action('edit-running', { timer: { timerId: 5, entryId: 50 }, ...changes }), ctx)).resolves.toEqual({});
    expect(entries.update).toHaveBeenCalledWith(50, changes);
  });

  it('finds the entry among the day’s entries, of any task, when the timer did not name it', async () => {
    const { entries, ctx } = setup({
      statuses: [running(5, { taskId: null })],
      entries: [entry(20, { startTime: '09:30:00' }), entry(21, { startTime: '10:00:00', taskId: OTHER_TASK })],
    });
    await runAction(action('edit-running', { timer: { timerId: 5, entryId: null }, ...changes }), ctx);
    expect(entries.update).toHaveBeenCalledWith(21, changes);
  });

  it('sends nothing when the timer without a known entry no longer runs', async () => {
    const { entries, ctx } = setup({ statuses: [idle], entries: [entry(21, { startTime: '10:00:00' })] });
    await expect(runAction(action('edit-running', { timer: { timerId: 5, entryId: null }, ...changes }), ctx)).resolves.toEqual({});
    expect(entries.update).not.toHaveBeenCalled();
  });

  it('sends nothing when another timer runs in its place', async () => {
    const { entries, ctx } = setup({ statuses: [running(6)], entries: [entry(21, { startTime: '10:00:00' })] });
    await runAction(action('edit-running', { timer: { timerId: 5, entryId: null }, ...changes }), ctx);
    expect(entries.list).not.toHaveBeenCalled();
    expect(entries.update).not.toHaveBeenCalled();
  });

  it('sends nothing when its start never reached TimeCamp', async () => {
    const { entries, ctx } = setup();
    await expect(runAction(action('edit-running', { timer: { startId: 'start-1' }, ...changes }), ctx)).resolves.toEqual({});
    expect(entries.update).not.toHaveBeenCalled();
  });

  it('is done when the entry is gone', async () => {
    const { entries, ctx } = setup();
    entries.update.mockRejectedValue(new ApiError('not-found', 'TimeCamp found nothing there'));
    await expect(runAction(action('edit-running', { timer: { timerId: 5, entryId: 50 }, ...changes }), ctx)).resolves.toEqual({});
  });
});

describe('an added entry', () => {
  const sent = { date: DAY, durationSeconds: 3600, taskId: TASK, note: 'Review', startTime: '09:00:00', endTime: '10:00:00' };

  it('is added', async () => {
    const { entries, markSent, ctx } = setup();
    const add = action('add-entry', { entry: sent });
    await expect(runAction(add, ctx)).resolves.toEqual({});
    expect(markSent).toHaveBeenCalledWith(add);
    expect(entries.add).toHaveBeenCalledWith(sent);
  });

  it('is not added when deleted before it went out', async () => {
    const { entries, markSent, ctx } = setup();
    await expect(runAction(action('add-entry', { entry: sent, withdrawn: true }), ctx)).resolves.toEqual({});
    expect(entries.add).not.toHaveBeenCalled();
    expect(markSent).not.toHaveBeenCalled();
  });

  describe('sent before, its answer lost', () => {
    it("is not added again when it is in the day's entries", async () => {
      const { entries, ctx } = setup({ entries: [entry(30)] });
      await runAction(action('add-entry', { entry: sent, sent: true }), ctx);
      expect(entries.list).toHaveBeenCalledWith({ from: DAY, to: DAY, userIds: ['me'] });
      expect(entries.add).not.toHaveBeenCalled();
    });

    it('is found with or without its date in the times', async () => {
      const { entries, ctx } = setup({ entries: [entry(30, { startTime: '09:00:00', endTime: '10:00:00' })] });
      await runAction(action('add-entry', { entry: { ...sent, startTime: `${DAY} 09:00:00`, endTime: `${DAY} 10:00:00` }, sent: true }), ctx);
      expect(entries.add).not.toHaveBeenCalled();
    });

    it('is found when sent without a note or task: TimeCamp lists an empty note and no task', async () => {
      const { entries, ctx } = setup({ entries: [entry(30, { note: '', taskId: null })] });
      await runAction(action('add-entry', { entry: { date: DAY, durationSeconds: 3600, startTime: '09:00:00', endTime: '10:00:00' }, sent: true }), ctx);
      expect(entries.add).not.toHaveBeenCalled();
    });

    it('is added when the entry there starts at another time', async () => {
      const { entries, ctx } = setup({ entries: [entry(30, { startTime: '08:00:00' })] });
      await runAction(action('add-entry', { entry: sent, sent: true }), ctx);
      expect(entries.add).toHaveBeenCalledWith(sent);
    });

    it('is added when the entry there ends at another time', async () => {
      const { entries, ctx } = setup({ entries: [entry(30, { endTime: '11:00:00' })] });
      await runAction(action('add-entry', { entry: sent, sent: true }), ctx);
      expect(entries.add).toHaveBeenCalledWith(sent);
    });

    it('is deleted when it landed and the user deleted it since', async () => {
      const { entries, ctx } = setup({ entries: [entry(30)] });
      await expect(runAction(action('add-entry', { entry: sent, sent: true, withdrawn: true }), ctx)).resolves.toEqual({});
      expect(entries.remove).toHaveBeenCalledWith(30);
      expect(entries.add).not.toHaveBeenCalled();
    });

    it('is neither added nor deleted when it never landed and the user deleted it since', async () => {
      const { entries, ctx } = setup({ entries: [] });
      await runAction(action('add-entry', { entry: sent, sent: true, withdrawn: true }), ctx);
      expect(entries.add).not.toHaveBeenCalled();
      expect(entries.remove).not.toHaveBeenCalled();
    });

    it('changes the version that landed before the user edited it, on that version’s day too', async () => {
      const earlier = { ...sent, date: '2026-11-26', note: 'Draft' };
      const { entries, ctx } = setup();
      entries.list.mockImplementation(async ({ from }) => (from === '2026-11-26' ? [entry(31, { date: '2026-11-26', note: 'Draft' })] : []));
      await runAction(action('add-entry', { entry: sent, sent: true, earlier: [earlier] }), ctx);
      expect(entries.list).toHaveBeenCalledWith({ from: '2026-11-26', to: '2026-11-26', userIds: ['me'] });
      expect(entries.update).toHaveBeenCalledWith(31, sent);
      expect(entries.add).not.toHaveBeenCalled();
    });
  });

  describe('made of a timer started while TimeCamp was away', () => {
    const replacesStart = { taskId: TASK, startedAt: [AT] };

    it('throws that timer away first when its start reached TimeCamp', async () => {
      const { timer, entries, ctx } = setup({ statuses: [running(5)] });
      await runAction(action('add-entry', { entry: sent, replacesStart }), ctx);
      expect(timer.discard).toHaveBeenCalledTimes(1);
      expect(entries.add).toHaveBeenCalledWith(sent);
    });

    it('leaves a timer of another task running', async () => {
      const { timer, entries, ctx } = setup({ statuses: [running(6, { taskId: OTHER_TASK })] });
      await runAction(action('add-entry', { entry: sent, replacesStart }), ctx);
      expect(timer.discard).not.toHaveBeenCalled();
      expect(entries.add).toHaveBeenCalledWith(sent);
    });
  });
});

describe('a change to an entry', () => {
  it('sends the changes', async () => {
    const { entries, ctx } = setup();
    await expect(runAction(action('edit-entry', { entryId: 40, changes: { note: 'Call' } }), ctx)).resolves.toEqual({});
    expect(entries.update).toHaveBeenCalledWith(40, { note: 'Call' });
  });

  it('is done when the entry is gone', async () => {
    const { entries, ctx } = setup();
    entries.update.mockRejectedValue(new ApiError('not-found', 'TimeCamp found nothing there'));
    await expect(runAction(action('edit-entry', { entryId: 40, changes: { note: 'Call' } }), ctx)).resolves.toEqual({});
  });

  it('fails when TimeCamp refuses it', async () => {
    const { entries, ctx } = setup();
    const refusal = new ApiError('forbidden', 'TimeCamp refused this action');
    entries.update.mockRejectedValue(refusal);
    await expect(runAction(action('edit-entry', { entryId: 40, changes: { note: 'Call' } }), ctx)).rejects.toBe(refusal);
  });
});

describe('a deleted entry', () => {
  it('is deleted', async () => {
    const { entries, ctx } = setup();
    await expect(runAction(action('delete-entry', { entryId: 40 }), ctx)).resolves.toEqual({});
    expect(entries.remove).toHaveBeenCalledWith(40);
  });

  it('is done when the entry is gone already', async () => {
    const { entries, ctx } = setup();
    entries.remove.mockRejectedValue(new ApiError('not-found', 'TimeCamp found nothing there'));
    await expect(runAction(action('delete-entry', { entryId: 40 }), ctx)).resolves.toEqual({});
  });

  it('fails when TimeCamp is down', async () => {
    const { entries, ctx } = setup();
    const error = new ApiError('server', 'TimeCamp had a server error (502)');
    entries.remove.mockRejectedValue(error);
    await expect(runAction(action('delete-entry', { entryId: 40 }), ctx)).rejects.toBe(error);
  });
});

describe('the words for an action that needs attention', () => {
  afterEach(() => vi.restoreAllMocks());

  const ref = { timerId: 5, entryId: 50 };
  const kinds: Array<[QueuedAction, string, string]> = [
    [action('start', { taskId: TASK }), 'Starting the timer', 'bg_doingStart'],
    [action('stop', { timer: ref }), 'Stopping the timer', 'bg_doingStop'],
    [action('discard', { timer: ref }), 'Discarding the timer', 'bg_doingDiscard'],
    [action('edit-running', { timer: ref, note: 'Call' }), 'Changing the running timer', 'bg_doingEditRunning'],
    [action('add-entry', { entry: { date: DAY, durationSeconds: 60, startTime: '09:00:00', endTime: '09:01:00' } }), 'Adding a time entry', 'bg_doingAddEntry'],
    [action('edit-entry', { entryId: 40, changes: {} }), 'Changing a time entry', 'bg_doingEditEntry'],
    [action('delete-entry', { entryId: 40 }), 'Deleting a time entry', 'bg_doingDeleteEntry'],
  ];

  it.each(kinds)('%#: says what the user was doing, in English', (queued, words) => {
    expect(describeAction(queued)).toBe(words);
  });

  it.each(kinds)('%#: says it in English without a catalogue', (queued, words) => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(describeAction(queued)).toBe(words);
  });

  it.each(kinds)('%#: says it in the browser language', (queued, _words, key) => {
    const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => polish[name]?.message ?? '');
    expect(describeAction(queued)).toBe(polish[key]!.message);
  });
});
