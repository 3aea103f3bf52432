import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_QUEUE, type ActionQueue, type QueuedAction } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { lastTimer, type IssueRef, type RunningTimer } from '@/lib/storage/timer';
import type { ActionQueueService, Queued, QueueView, QueueWrite } from '@/lib/timer/action-queue';
import { createTimerEngine, SignedOutError } from '@/lib/timer/engine';
import type { TaskLookup, TaskSummary } from '@/lib/timer/task-lookup';

// Each click against a fake queue: exactly what is queued for TimeCamp, and what the browser shows at once.

/** A Friday, 09:00 UTC: 10:00 in an account one hour east of UTC. */
const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const MINUTE = 60_000;
const ACCOUNT = 'account';
const TASK = 3;
const OTHER_TASK = 7;
const UNKNOWN_TASK = 99;

const TASKS: Record<number, TaskSummary> = {
  [TASK]: { name: 'Design', path: 'Client › Design', externalTaskId: 'github_issue_octo/repo#12', billable: true },
  [OTHER_TASK]: { name: 'Other', path: 'Client › Other', externalTaskId: null, billable: false },
};

const SOURCE: IssueRef = { integration: 'github', externalId: 'github_issue_octo/repo#12', key: '#12', title: 'Export fails', url: 'https://github.com/octo/repo/issues/12' };

/** A timer TimeCamp confirmed, running since ten minutes before T0. */
function confirmed(fields: Partial<RunningTimer> = {}): RunningTimer {
  return {
    timerId: 5,
    entryId: 50,
    taskId: TASK,
    taskName: 'Design',
    taskPath: 'Client › Design',
    externalTaskId: null,
    note: 'Review',
    billable: true,
    startedAt: T0 - 10 * MINUTE,
    source: null,
    startedHere: true,
    startId: null,
    key: 'timer:5',
    ...fields,
  };
}

/** A timer started here that TimeCamp has not confirmed yet. */
const unconfirmed = (fields: Partial<RunningTimer> = {}) => confirmed({ timerId: null, entryId: null, startId: 'start-0', key: 'start:start-0', ...fields });

interface Setup {
  timer?: RunningTimer | null;
  queue?: Partial<ActionQueue>;
  accountKey?: string | null;
  now?: number;
}

function setup(options: Setup = {}) {
  let ids = 0;
  const view = (): QueueView => ({
    queue: { ...EMPTY_QUEUE, ...options.queue },
    timer: options.timer ?? null,
    accountKey: options.accountKey === undefined ? ACCOUNT : options.accountKey,
  });
  /** What each click queued (null: nothing). */
  const queued: Array<Queued | null> = [];
  /** What each rewrite wrote (null: nothing). */
  const written: Array<QueueWrite | null> = [];
  const enqueue = vi.fn<ActionQueueService['enqueue']>(async (build) => void queued.push(await build(view())));
  const exclusive = vi.fn<ActionQueueService['exclusive']>(async (change) => void written.push(await change(view())));
  const drain = vi.fn<ActionQueueService['drain']>(async () => undefined);
  const lookupTask = vi.fn<TaskLookup>(async (taskId) => TASKS[taskId] ?? null);
  const queue = { enqueue, exclusive, drain } as unknown as ActionQueueService;
  const engine = createTimerEngine({ queue, now: () => options.now ?? T0, newId: () => `action-${++ids}`, lookupTask });
  const actions = () => queued.flatMap((made) => made?.actions ?? []);
  return { engine, queued, written, drain, lookupTask, actions };
}

const stamped = (id: number, at = T0) => ({ id: `action-${id}`, at, account: ACCOUNT });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signed out', () => {
  it.each([
    ['a start', (engine: ReturnType<typeof setup>['engine']) => engine.start({ taskId: TASK })],
    ['a stop', (engine: ReturnType<typeof setup>['engine']) => engine.stop()],
    ['a new entry', (engine: ReturnType<typeof setup>['engine']) => engine.addEntry({ date: '2026-11-27', durationSeconds: 60, startTime: '09:00:00', endTime: '09:01:00' })],
  ])('%s is refused and nothing is queued', async (_, click) => {
    const { engine, queued } = setup({ accountKey: null, timer: confirmed() });
    const refusal = click(engine);
    await expect(refusal).rejects.toBeInstanceOf(SignedOutError);
    await expect(refusal).rejects.toMatchObject({ name: 'SignedOutError', message: 'Sign in to TimeCamp first: open the extension and enter your API token.' });
    expect(queued).toEqual([null]);
  });

  it('is told so in the browser’s language', async () => {
    const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => polish[name]?.message ?? '');
    const { engine } = setup({ accountKey: null });
    await expect(engine.start({ taskId: TASK })).rejects.toThrow(polish.bg_signInFirst!.message);
  });

  it('is told so in English without a catalogue', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const { engine } = setup({ accountKey: null });
    await expect(engine.start({ taskId: TASK })).rejects.toThrow('Sign in to TimeCamp first: open the extension and enter your API token.');
  });

  it.each([
    ['a waiting entry revised', (engine: ReturnType<typeof setup>['engine']) => engine.reviseWaiting('action-1', { date: '2026-11-27', durationSeconds: 60, startTime: '09:00:00', endTime: '09:01:00' })],
    ['a waiting entry dropped', (engine: ReturnType<typeof setup>['engine']) => engine.dropWaiting('action-1')],
  ])('%s is refused, and nothing is sent', async (_, click) => {
    const { engine, drain } = setup({ accountKey: null });
    await expect(click(engine)).rejects.toBeInstanceOf(SignedOutError);
    expect(drain).not.toHaveBeenCalled();
  });
});

describe('a start', () => {
  it('queues the start at the click and shows the timer with the task’s name, path, issue and billing', async () => {
    const { engine, queued, lookupTask } = setup();
    await engine.start({ taskId: TASK });
    expect(lookupTask).toHaveBeenCalledWith(TASK);
    expect(queued).toEqual([
      {
        actions: [{ type: 'start', taskId: TASK, ...stamped(1) }],
        timer: {
          timerId: null,
          entryId: null,
          taskId: TASK,
          taskName: 'Design',
          taskPath: 'Client › Design',
          externalTaskId: 'github_issue_octo/repo#12',
          note: '',
          billable: true,
          startedAt: T0,
          source: null,
          startedHere: true,
          startId: 'action-1',
          key: 'start:action-1',
        },
        alongside: [{ item: lastTimer, value: { taskId: TASK, note: '', billable: undefined } }],
      },
    ]);
  });

  it('stops the running timer at the same given moment, and sends the note and billing after the start', async () => {
    const at = T0 - MINUTE;
    const { engine, queued } = setup({ timer: confirmed() });
    await engine.start({ taskId: OTHER_TASK, note: 'Fix', billable: true, source: SOURCE, at });
    expect(queued[0]!.actions).toEqual([
      { type: 'stop', timer: { timerId: 5, entryId: 50 }, ended: { startedAt: T0 - 10 * MINUTE, taskId: TASK, note: 'Review', billable: true }, ...stamped(2, at) },
      { type: 'start', taskId: OTHER_TASK, ...stamped(1, at) },
      { type: 'edit-running', timer: { startId: 'action-1' }, note: 'Fix', billable: true, ...stamped(3, at) },
    ]);
    expect(queued[0]!.timer).toMatchObject({ taskId: OTHER_TASK, taskName: 'Other', externalTaskId: null, note: 'Fix', billable: true, startedAt: at, source: SOURCE, startId: 'action-1' });
    expect(queued[0]!.alongside).toEqual([{ item: lastTimer, value: { taskId: OTHER_TASK, note: 'Fix', billable: true } }]);
  });

  it('stops an unconfirmed timer by its start', async () => {
    const { engine, actions } = setup({ timer: unconfirmed() });
    await engine.start({ taskId: OTHER_TASK });
    expect(actions()[0]).toMatchObject({ type: 'stop', timer: { startId: 'start-0' } });
  });

  it('sends a billing without a note as the billing alone', async () => {
    const { engine, actions, queued } = setup();
    await engine.start({ taskId: TASK, billable: false });
    expect(actions()).toEqual([
      { type: 'start', taskId: TASK, ...stamped(1) },
      { type: 'edit-running', timer: { startId: 'action-1' }, note: undefined, billable: false, ...stamped(2) },
    ]);
    expect(actions()[1]).not.toHaveProperty('note', '');
    // The user's choice wins over the task's own billing.
    expect(queued[0]!.timer).toMatchObject({ billable: false });
  });

  it('sends a note without a billing as the note alone', async () => {
    const { engine, actions } = setup();
    await engine.start({ taskId: TASK, note: 'Fix' });
    expect(actions()[1]).toEqual({ type: 'edit-running', timer: { startId: 'action-1' }, note: 'Fix', billable: undefined, ...stamped(2) });
  });

  it('shows a task not in the tree without a name, issue or billing', async () => {
    const { engine, queued } = setup();
    await engine.start({ taskId: UNKNOWN_TASK });
    expect(queued[0]!.timer).toMatchObject({ taskId: UNKNOWN_TASK, taskName: '', taskPath: '', externalTaskId: null, billable: false });
  });

  it('shows the task’s name as its path when the tree knows no path', async () => {
    const { engine, queued, lookupTask } = setup();
    lookupTask.mockResolvedValueOnce({ name: 'Design', externalTaskId: null, billable: false } as unknown as TaskSummary);
    await engine.start({ taskId: TASK });
    expect(queued[0]!.timer).toMatchObject({ taskName: 'Design', taskPath: 'Design' });
  });

  describe('clicked twice', () => {
    it('is one start when the same task and note come within two seconds', async () => {
      const { engine, queued } = setup({ timer: unconfirmed({ startedAt: T0 - 1_999, note: 'Fix' }) });
      await engine.start({ taskId: TASK, note: 'Fix' });
      expect(queued).toEqual([null]);
    });

    it('is one start when the second click carries an earlier moment', async () => {
      const { engine, queued } = setup({ timer: unconfirmed({ startedAt: T0 + 1_999, note: '' }) });
      await engine.start({ taskId: TASK });
      expect(queued).toEqual([null]);
    });

    it('is two starts two seconds apart', async () => {
      const { engine, actions } = setup({ timer: unconfirmed({ startedAt: T0 - 2_000, note: '' }) });
      await engine.start({ taskId: TASK });
      expect(actions().map((action) => action.type)).toEqual(['stop', 'start']);
    });

    it('is two starts with another note', async () => {
      const { engine, actions } = setup({ timer: unconfirmed({ startedAt: T0, note: 'Fix' }) });
      await engine.start({ taskId: TASK, note: 'Other' });
      expect(actions().map((action) => action.type)).toEqual(['stop', 'start', 'edit-running']);
    });

    it('is two starts on another task', async () => {
      const { engine, actions } = setup({ timer: unconfirmed({ startedAt: T0, note: '' }) });
      await engine.start({ taskId: OTHER_TASK });
      expect(actions().map((action) => action.type)).toEqual(['stop', 'start']);
    });
  });
});

describe('a stop', () => {
  it('stops the running timer now, with what it was, and shows none', async () => {
    const { engine, queued } = setup({ timer: confirmed({ note: '', billable: false }) });
    await engine.stop();
    expect(queued).toEqual([
      {
        actions: [{ type: 'stop', timer: { timerId: 5, entryId: 50 }, ended: { startedAt: T0 - 10 * MINUTE, taskId: TASK, note: '', billable: false }, ...stamped(1) }],
        timer: null,
      },
    ]);
  });

  it('stops at the moment given', async () => {
    const { engine, actions } = setup({ timer: confirmed() });
    await engine.stop(T0 - MINUTE);
    expect(actions()[0]).toMatchObject({ type: 'stop', at: T0 - MINUTE });
  });

  it('queues nothing when nothing runs', async () => {
    const { engine, queued } = setup();
    await engine.stop();
    expect(queued).toEqual([null]);
  });

  it('stops only the timer the button showed', async () => {
    const { engine, queued } = setup({ timer: confirmed() });
    await engine.stop(undefined, 'timer:6');
    await engine.stop(undefined, 'timer:5');
    expect(queued[0]).toBeNull();
    expect(queued[1]!.actions).toEqual([expect.objectContaining({ type: 'stop', timer: { timerId: 5, entryId: 50 } })]);
  });
});

describe('a discard', () => {
  it('throws the running timer away and shows none', async () => {
    const { engine, queued } = setup({ timer: unconfirmed() });
    await engine.discard();
    expect(queued).toEqual([{ actions: [{ type: 'discard', timer: { startId: 'start-0' }, ...stamped(1) }], timer: null }]);
  });

  it('queues nothing when nothing runs', async () => {
    const { engine, queued } = setup();
    await engine.discard();
    expect(queued).toEqual([null]);
  });
});

describe('moving the start', () => {
  it('throws the timer away now and starts it again at the moment, with its note and billing', async () => {
    const { engine, queued } = setup({ timer: confirmed() });
    const at = T0 - 30 * MINUTE;
    await engine.moveStart(at);
    expect(queued).toEqual([
      {
        actions: [
          { type: 'discard', timer: { timerId: 5, entryId: 50 }, ...stamped(2) },
          { type: 'start', taskId: TASK, ...stamped(1, at) },
          { type: 'edit-running', timer: { startId: 'action-1' }, note: 'Review', billable: true, ...stamped(3, at) },
        ],
        timer: confirmed({ timerId: null, entryId: null, startedAt: at, startId: 'action-1', key: 'start:action-1' }),
      },
    ]);
  });

  it('sends no note or billing when the timer has neither', async () => {
    const { engine, actions } = setup({ timer: confirmed({ note: '', billable: false }) });
    await engine.moveStart(T0 - 30 * MINUTE);
    expect(actions().map((action) => action.type)).toEqual(['discard', 'start']);
  });

  it('sends the billing alone when there is no note', async () => {
    const { engine, actions } = setup({ timer: confirmed({ note: '', billable: true }) });
    await engine.moveStart(T0 - 30 * MINUTE);
    expect(actions()[2]).toEqual({ type: 'edit-running', timer: { startId: 'action-1' }, note: undefined, billable: true, ...stamped(3, T0 - 30 * MINUTE) });
  });

  it('sends the note alone when it is not billable', async () => {
    const { engine, actions } = setup({ timer: confirmed({ note: 'Review', billable: false }) });
    await engine.moveStart(T0 - 30 * MINUTE);
    expect(actions()[2]).toEqual({ type: 'edit-running', timer: { startId: 'action-1' }, note: 'Review', billable: undefined, ...stamped(3, T0 - 30 * MINUTE) });
  });

  it('moves it no later than now', async () => {
    const { engine, actions } = setup({ timer: confirmed() });
    await engine.moveStart(T0 + 30 * MINUTE);
    expect(actions()[1]).toMatchObject({ type: 'start', at: T0 });
  });

  it('queues nothing when the start does not move', async () => {
    const { engine, queued } = setup({ timer: confirmed() });
    await engine.moveStart(T0 - 10 * MINUTE);
    expect(queued).toEqual([null]);
  });

  it('queues nothing for a timer without a task, or when nothing runs', async () => {
    const { engine, queued } = setup({ timer: confirmed({ taskId: null }) });
    await engine.moveStart(T0 - 30 * MINUTE);
    expect(queued).toEqual([null]);
    const none = setup();
    await none.engine.moveStart(T0 - 30 * MINUTE);
    expect(none.queued).toEqual([null]);
  });
});

describe('an update of the running timer', () => {
  it('switches the task, shown with the task’s name, path and issue', async () => {
    const { engine, queued, lookupTask } = setup({ timer: confirmed() });
    await engine.update({ taskId: OTHER_TASK });
    expect(lookupTask).toHaveBeenCalledWith(OTHER_TASK);
    expect(queued).toEqual([
      {
        actions: [{ type: 'edit-running', timer: { timerId: 5, entryId: 50 }, taskId: OTHER_TASK, ...stamped(1) }],
        timer: confirmed({ taskId: OTHER_TASK, taskName: 'Other', taskPath: 'Client › Other', externalTaskId: null }),
      },
    ]);
  });

  it('switches to a task not in the tree, shown without a name', async () => {
    const { engine, queued } = setup({ timer: confirmed({ externalTaskId: 'x' }) });
    await engine.update({ taskId: UNKNOWN_TASK });
    expect(queued[0]!.timer).toEqual(confirmed({ taskId: UNKNOWN_TASK, taskName: '', taskPath: '', externalTaskId: null }));
  });

  it('shows the task’s name as its path when the tree knows no path', async () => {
    const { engine, queued, lookupTask } = setup({ timer: confirmed() });
    lookupTask.mockResolvedValueOnce({ name: 'Other', externalTaskId: null, billable: false } as unknown as TaskSummary);
    await engine.update({ taskId: OTHER_TASK });
    expect(queued[0]!.timer).toMatchObject({ taskName: 'Other', taskPath: 'Other' });
  });

  it('changes the note alone, looking no task up', async () => {
    const { engine, queued, lookupTask } = setup({ timer: unconfirmed() });
    await engine.update({ note: '' });
    expect(lookupTask).not.toHaveBeenCalled();
    expect(queued).toEqual([{ actions: [{ type: 'edit-running', timer: { startId: 'start-0' }, note: '', ...stamped(1) }], timer: unconfirmed({ note: '' }) }]);
  });

  it('changes the billing alone', async () => {
    const { engine, queued } = setup({ timer: confirmed() });
    await engine.update({ billable: false });
    expect(queued[0]!.timer).toEqual(confirmed({ billable: false }));
  });

  it('queues nothing when nothing runs', async () => {
    const { engine, queued } = setup();
    await engine.update({ note: 'Late' });
    expect(queued).toEqual([null]);
  });
});

describe('entries', () => {
  const entry = { date: '2026-11-27', durationSeconds: 3600, taskId: TASK, startTime: '08:00:00', endTime: '09:00:00' };

  it('are added, edited and deleted through the queue', async () => {
    const { engine, queued } = setup();
    await engine.addEntry(entry);
    await engine.editEntry(40, { note: 'Fixed' });
    await engine.deleteEntry(41);
    expect(queued).toEqual([
      { actions: [{ type: 'add-entry', entry, ...stamped(1) }] },
      { actions: [{ type: 'edit-entry', entryId: 40, changes: { note: 'Fixed' }, ...stamped(2) }] },
      { actions: [{ type: 'delete-entry', entryId: 41, ...stamped(3) }] },
    ]);
  });

  describe('waiting to be sent', () => {
    const start: QueuedAction = { type: 'start', taskId: TASK, id: 'start-1', at: T0 - 60 * MINUTE, account: ACCOUNT, sent: true };
    const stop: QueuedAction = { type: 'stop', timer: { startId: 'start-1' }, id: 'stop-1', at: T0, account: ACCOUNT };
    const add: QueuedAction = { type: 'add-entry', entry, id: 'add-1', at: T0, account: ACCOUNT };

    it('are revised in place, in the account’s zone, and sent at once', async () => {
      await syncState.setValue({ lastSyncAt: null, accountOffsetMinutes: 120, authProblem: false, problem: null });
      const { engine, written, drain } = setup({ queue: { actions: [start, stop], revision: 4 } });
      await expect(engine.reviseWaiting('start-1', entry)).resolves.toBe(true);
      expect(written).toEqual([
        {
          queue: {
            ...EMPTY_QUEUE,
            revision: 5,
            actions: [{ type: 'add-entry', id: 'start-1:entry', at: T0 - 60 * MINUTE, account: ACCOUNT, entry, replacesStart: { taskId: TASK, startedAt: ['2026-11-27 10:00:00'] } }],
          },
        },
      ]);
      expect(drain).toHaveBeenCalledWith({ urgent: true });
    });

    it('are dropped, and the rest sent at once', async () => {
      const { engine, written, drain } = setup({ queue: { actions: [add], revision: 1 } });
      await expect(engine.dropWaiting('add-1')).resolves.toBe(true);
      expect(written).toEqual([{ queue: { ...EMPTY_QUEUE, revision: 2, actions: [] } }]);
      expect(drain).toHaveBeenCalledWith({ urgent: true });
    });

    it('are no longer waiting once TimeCamp has them: nothing is written or sent', async () => {
      const { engine, written, drain } = setup({ queue: { actions: [] } });
      await expect(engine.reviseWaiting('add-1', entry)).resolves.toBe(false);
      await expect(engine.dropWaiting('add-1')).resolves.toBe(false);
      expect(written).toEqual([null, null]);
      expect(drain).not.toHaveBeenCalled();
    });
  });
});
