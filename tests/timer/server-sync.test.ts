import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiError, type Entry, type TimeCampClient, type TimerStatus } from '@/lib/api';
import { actionQueue, EMPTY_QUEUE, type ActionQueue, type QueuedAction } from '@/lib/storage/queue';
import { syncState, type SyncProblem, type SyncState } from '@/lib/storage/sync';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import type { ActionQueueService, QueueView, QueueWrite } from '@/lib/timer/action-queue';
import { syncWithServer } from '@/lib/timer/server-sync';
import type { TaskLookup, TaskSummary } from '@/lib/timer/task-lookup';

// One sync against a fake TimeCamp and a fake queue: what it asks, and what the browser shows after.

/** A Friday, 09:00 UTC: 10:00 in an account one hour east of UTC. */
const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const DAY = '2026-11-27';
const ACCOUNT = 'account';
const TASK = 3;
const OTHER_TASK = 7;

type Running = Extract<TimerStatus, { running: true }>;

const idle: TimerStatus = { running: false };

/** A timer running for 15 minutes, since 09:45 in the account's zone. */
function running(timerId: number, more: Partial<Running> = {}): Running {
  return { running: true, timerId, entryId: null, taskId: null, startTime: `${DAY} 09:45:00`, elapsedSeconds: 900, taskName: '', externalTaskId: null, ...more };
}

function entry(id: number, fields: Partial<Entry> = {}): Entry {
  return {
    id,
    durationSeconds: 900,
    userId: 1,
    userName: 'Demo',
    taskId: TASK,
    taskName: 'Entry task',
    date: DAY,
    startTime: `${DAY} 09:45:00`,
    endTime: `${DAY} 10:00:00`,
    note: 'Review',
    billable: true,
    invoiceId: null,
    locked: false,
    addonsExternalId: null,
    modifiedAt: null,
    color: null,
    ...fields,
  };
}

function local(fields: Partial<RunningTimer> = {}): RunningTimer {
  return {
    timerId: 5,
    entryId: 50,
    taskId: TASK,
    taskName: 'Ours',
    taskPath: 'Client › Ours',
    externalTaskId: null,
    note: 'Our note',
    billable: false,
    startedAt: T0 - 10 * 60_000,
    source: null,
    startedHere: true,
    startId: null,
    key: 'timer:5',
    ...fields,
  };
}

function queued(fields: Partial<QueuedAction> = {}): QueuedAction {
  return { id: 'action-1', at: T0, account: ACCOUNT, type: 'stop', timer: { timerId: 5, entryId: 50 }, ...fields } as QueuedAction;
}

const TASKS: Record<number, TaskSummary> = {
  [TASK]: { name: 'Design', path: 'Client › Design', externalTaskId: 'github_issue_octo/repo#12', billable: true },
  [OTHER_TASK]: { name: 'Other', path: 'Client › Other', externalTaskId: null, billable: false },
};

const SYNC: SyncState = { lastSyncAt: null, accountOffsetMinutes: null, authProblem: false, problem: null };

interface Setup {
  /** TimeCamp's answer to status, or what it throws. */
  status?: TimerStatus | Error;
  /** What TimeCamp lists for a day. */
  entries?: Entry[];
  /** The timer this browser shows when the sync starts. */
  timer?: RunningTimer | null;
  sync?: Partial<SyncState>;
  queue?: Partial<ActionQueue>;
  /** What happens here while TimeCamp answers the status (a click, another sync). */
  meanwhile?(): Promise<void>;
  /** What the writer section sees instead of storage. */
  view?: Partial<QueueView>;
  signedOut?: boolean;
  now?: number;
}

async function setup(options: Setup = {}) {
  await syncState.setValue({ ...SYNC, ...options.sync });
  await actionQueue.setValue({ ...EMPTY_QUEUE, ...options.queue });
  await runningTimer.setValue(options.timer ?? null);
  const timer = {
    status: vi.fn<TimeCampClient['timer']['status']>(async () => {
      await options.meanwhile?.();
      if (options.status instanceof Error) throw options.status;
      return options.status ?? idle;
    }),
  };
  const entries = { list: vi.fn<TimeCampClient['entries']['list']>(async () => options.entries ?? []) };
  const client = { timer, entries } as unknown as TimeCampClient;
  const lookupTask = vi.fn<TaskLookup>(async (taskId) => TASKS[taskId] ?? null);
  const drain = vi.fn<ActionQueueService['drain']>(async () => undefined);
  /** What the sync asked the writer section to write: null when it wrote nothing. */
  const written: Array<QueueWrite | null> = [];
  const exclusive = vi.fn<ActionQueueService['exclusive']>(async (change) => {
    const view: QueueView = { queue: await actionQueue.getValue(), timer: await runningTimer.getValue(), accountKey: ACCOUNT, ...options.view };
    const next = await change(view);
    written.push(next);
    if (next?.timer !== undefined) await runningTimer.setValue(next.timer);
  });
  const queue = { drain, exclusive } as unknown as ActionQueueService;
  const deps = { client: vi.fn(async () => (options.signedOut ? null : client)), queue, now: () => options.now ?? T0, lookupTask };
  return { timer, entries, lookupTask, drain, exclusive, written, sync: (drainOptions?: { urgent?: boolean }) => syncWithServer(deps, drainOptions) };
}

const shown = () => runningTimer.getValue();

afterEach(() => {
  vi.restoreAllMocks();
});
const synced = () => syncState.getValue();

describe('before it asks', () => {
  it('does nothing while signed out', async () => {
    const { drain, timer, exclusive, sync } = await setup({ signedOut: true, status: running(8) });
    await sync();
    expect(drain).not.toHaveBeenCalled();
    expect(timer.status).not.toHaveBeenCalled();
    expect(exclusive).not.toHaveBeenCalled();
    expect((await synced()).lastSyncAt).toBeNull();
  });

  it('first sends what waits, passing on whether the user is looking', async () => {
    const { drain, timer, sync } = await setup();
    await sync({ urgent: true });
    expect(drain).toHaveBeenCalledWith({ urgent: true });
    expect(drain.mock.invocationCallOrder[0]).toBeLessThan(timer.status.mock.invocationCallOrder[0]!);
  });

  it('drains with no options when given none', async () => {
    const { drain, sync } = await setup();
    await sync();
    expect(drain).toHaveBeenCalledWith({});
  });

  it('asks nothing while TimeCamp refuses the token', async () => {
    const { timer, exclusive, sync } = await setup({ sync: { authProblem: true }, status: running(8) });
    await sync();
    expect(timer.status).not.toHaveBeenCalled();
    expect(exclusive).not.toHaveBeenCalled();
    expect(await synced()).toEqual({ ...SYNC, authProblem: true });
  });
});

describe('when TimeCamp cannot answer', () => {
  it('shows the server’s own words, what it was doing and when, and keeps the timer', async () => {
    const { exclusive, sync } = await setup({
      timer: local(),
      sync: { lastSyncAt: T0 - 60_000, accountOffsetMinutes: 60 },
      status: new ApiError('server', 'TimeCamp had a server error (500)', { serverMessage: 'Maintenance' }),
    });
    await sync();
    expect(await synced()).toEqual({
      lastSyncAt: T0 - 60_000,
      accountOffsetMinutes: 60,
      authProblem: false,
      problem: { kind: 'server', message: 'Maintenance', during: 'Checking the timer', at: T0 },
    });
    expect(exclusive).not.toHaveBeenCalled();
    expect(await shown()).toEqual(local());
  });

  it('shows its own words when the server gave none', async () => {
    const { sync } = await setup({ status: new ApiError('network', 'TimeCamp cannot be reached') });
    await sync();
    expect((await synced()).problem).toEqual({ kind: 'network', message: 'TimeCamp cannot be reached', during: 'Checking the timer', at: T0 });
    expect((await synced()).authProblem).toBe(false);
  });

  it('says what it was doing in the browser’s language', async () => {
    const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => polish[name]?.message ?? '');
    const { sync } = await setup({ status: new ApiError('network', 'TimeCamp cannot be reached') });
    await sync();
    expect((await synced()).problem?.during).toBe('Sprawdzanie timera');
  });

  it('says what it was doing in English without a catalogue', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const { sync } = await setup({ status: new ApiError('network', 'TimeCamp cannot be reached') });
    await sync();
    expect((await synced()).problem?.during).toBe('Checking the timer');
  });

  it('remembers a refused token, so nothing more is sent until the user signs in again', async () => {
    const { sync } = await setup({ status: new ApiError('auth', 'The token was refused') });
    await sync();
    expect((await synced()).authProblem).toBe(true);
  });

  it('keeps a refused token another request heard of while this one failed', async () => {
    const { sync } = await setup({
      status: new ApiError('network', 'TimeCamp cannot be reached'),
      meanwhile: async () => syncState.setValue({ ...(await syncState.getValue()), authProblem: true }),
    });
    await sync();
    expect((await synced()).authProblem).toBe(true);
  });

  it('lets an error that is not TimeCamp’s through, and writes nothing', async () => {
    const error = Object.assign(new Error('broken'), { kind: 'server', details: {} });
    const { exclusive, sync } = await setup({ status: error });
    await expect(sync()).rejects.toBe(error);
    expect(exclusive).not.toHaveBeenCalled();
    expect(await synced()).toEqual(SYNC);
  });
});

describe('a timer started elsewhere', () => {
  it('is shown with its entry’s task, note and billing, found by the entry id', async () => {
    const { entries, lookupTask, sync } = await setup({
      status: running(8, { entryId: 81 }),
      entries: [entry(80, { taskId: OTHER_TASK, note: 'Not this' }), entry(81, { startTime: `${DAY} 08:00:00` })],
    });
    await sync();
    expect(entries.list).toHaveBeenCalledWith({ from: DAY, to: DAY, userIds: ['me'] });
    expect(lookupTask).toHaveBeenCalledWith(TASK);
    expect(await shown()).toEqual({
      timerId: 8,
      entryId: 81,
      taskId: TASK,
      taskName: 'Design',
      taskPath: 'Client › Design',
      externalTaskId: 'github_issue_octo/repo#12',
      note: 'Review',
      billable: true,
      startedAt: T0 - 15 * 60_000,
      source: null,
      startedHere: false,
      startId: null,
      key: 'timer:8',
    });
  });

  it('finds its entry by the start time when the status names none', async () => {
    const { sync } = await setup({
      status: running(8),
      entries: [entry(80, { startTime: `${DAY} 09:30:00`, note: 'Earlier' }), entry(81, { note: 'This one', billable: false })],
    });
    await sync();
    expect(await shown()).toMatchObject({ entryId: 81, taskId: TASK, note: 'This one', billable: false });
  });

  it('matches the start time on the clock, whatever date the entry writes it with', async () => {
    const { sync } = await setup({ status: running(8), entries: [entry(81, { startTime: '09:45:00' })] });
    await sync();
    expect(await shown()).toMatchObject({ entryId: 81 });
  });

  it('takes no entry with another start time, and keeps the status’s own task and name', async () => {
    const { lookupTask, sync } = await setup({
      status: running(8, { taskId: OTHER_TASK, taskName: 'Status name', externalTaskId: 'jira_issue_x/PROJ-1' }),
      entries: [entry(80, { startTime: `${DAY} 09:30:00`, taskId: TASK })],
    });
    await sync();
    expect(lookupTask).toHaveBeenCalledWith(OTHER_TASK);
    expect(await shown()).toMatchObject({
      entryId: null,
      taskId: OTHER_TASK,
      taskName: 'Other',
      taskPath: 'Client › Other',
      externalTaskId: 'jira_issue_x/PROJ-1',
      note: '',
      billable: false,
    });
  });

  it('is found by its start time even when an entry without a start time comes first', async () => {
    const { sync } = await setup({ status: running(8), entries: [entry(80, { startTime: null }), entry(81)] });
    await sync();
    expect(await shown()).toMatchObject({ entryId: 81 });
  });

  it('takes the status’s entry over one at the same start time', async () => {
    const { sync } = await setup({ status: running(8, { entryId: 81 }), entries: [entry(80, { note: 'Same start' }), entry(81, { note: 'Named' })] });
    await sync();
    expect(await shown()).toMatchObject({ entryId: 81, note: 'Named' });
  });

  it('takes the status’s entry id even when the day does not list it', async () => {
    const { sync } = await setup({ status: running(8, { entryId: 90 }), entries: [] });
    await sync();
    expect(await shown()).toMatchObject({ entryId: 90, taskId: null, note: '', billable: false });
  });

  it('has no task when neither the status nor an entry names one, and looks none up', async () => {
    const { lookupTask, sync } = await setup({ status: running(8, { taskName: 'Typed in the web app' }), entries: [] });
    await sync();
    expect(lookupTask).not.toHaveBeenCalled();
    expect(await shown()).toMatchObject({ taskId: null, taskName: 'Typed in the web app', taskPath: 'Typed in the web app', externalTaskId: null, billable: false });
  });

  it('is named by its entry when the task is not in the tree and the status names none', async () => {
    const { sync } = await setup({ status: running(8, { taskId: 99 }), entries: [entry(81, { taskId: 99, taskName: 'From the entry', billable: false })] });
    await sync();
    expect(await shown()).toMatchObject({ taskId: 99, taskName: 'From the entry', taskPath: 'From the entry', externalTaskId: null, billable: false });
  });

  it('is named by the status before the entry when the task is not in the tree', async () => {
    const { sync } = await setup({ status: running(8, { taskId: 99, taskName: 'From the status' }), entries: [entry(81, { taskId: 99, taskName: 'From the entry' })] });
    await sync();
    expect(await shown()).toMatchObject({ taskName: 'From the status', taskPath: 'From the status' });
  });

  it('has an empty name when nothing names it', async () => {
    const { sync } = await setup({ status: running(8, { taskId: 99 }), entries: [] });
    await sync();
    expect(await shown()).toMatchObject({ taskId: 99, taskName: '', taskPath: '' });
  });

  it('takes its entry’s task when the status names none', async () => {
    const { lookupTask, sync } = await setup({ status: running(8), entries: [entry(81, { taskId: OTHER_TASK })] });
    await sync();
    expect(lookupTask).toHaveBeenCalledWith(OTHER_TASK);
    expect(await shown()).toMatchObject({ taskId: OTHER_TASK, taskName: 'Other' });
  });

  it('is billable as its task is when its entry does not say', async () => {
    const { sync } = await setup({ status: running(8, { taskId: TASK }), entries: [] });
    await sync();
    expect(await shown()).toMatchObject({ billable: true, externalTaskId: 'github_issue_octo/repo#12' });
  });

  it('is looked up on the account’s day when the status gives no start time', async () => {
    // Started at 21:55 UTC: 23:55 two hours east, though it is past midnight there by the sync.
    const now = Date.UTC(2026, 10, 27, 22, 5);
    const { entries, sync } = await setup({ now, sync: { accountOffsetMinutes: 120 }, status: running(8, { startTime: null, elapsedSeconds: 600 }), entries: [entry(81)] });
    await sync();
    expect(entries.list).toHaveBeenCalledWith({ from: DAY, to: DAY, userIds: ['me'] });
    // Without a start time or an entry id, no entry of the day is its own.
    expect(await shown()).toMatchObject({ timerId: 8, entryId: null, note: '', startedAt: now - 600_000 });
  });

  it('replaces a timer of ours that no longer runs there', async () => {
    const { sync } = await setup({ timer: local(), status: running(8, { taskId: OTHER_TASK }) });
    await sync();
    expect(await shown()).toMatchObject({ timerId: 8, taskId: OTHER_TASK, startedHere: false, key: 'timer:8' });
  });
});

describe('the timer shown here, still running there', () => {
  it('takes TimeCamp’s start and ids, and keeps our task and note', async () => {
    const { entries, sync } = await setup({ timer: local(), status: running(5, { entryId: 51, taskId: OTHER_TASK, taskName: 'Theirs' }) });
    await sync();
    expect(entries.list).not.toHaveBeenCalled();
    expect(await shown()).toEqual(local({ startedAt: T0 - 15 * 60_000, entryId: 51, taskId: OTHER_TASK }));
  });

  it('keeps our entry and task when TimeCamp names neither', async () => {
    const { sync } = await setup({ timer: local(), status: running(5, { taskName: 'Theirs' }) });
    await sync();
    expect(await shown()).toEqual(local({ startedAt: T0 - 15 * 60_000 }));
  });

  it('takes TimeCamp’s name when ours has none, keeping our path', async () => {
    const { sync } = await setup({ timer: local({ taskName: '' }), status: running(5, { taskName: 'Theirs' }) });
    await sync();
    expect(await shown()).toMatchObject({ taskName: 'Theirs', taskPath: 'Client › Ours' });
  });

  it('takes TimeCamp’s name as the path too when we have neither', async () => {
    const { sync } = await setup({ timer: local({ taskName: '', taskPath: '' }), status: running(5, { taskName: 'Theirs' }) });
    await sync();
    expect(await shown()).toMatchObject({ taskName: 'Theirs', taskPath: 'Theirs' });
  });

  it('keeps no name when neither has one', async () => {
    const { sync } = await setup({ timer: local({ taskName: '', taskPath: '' }), status: running(5) });
    await sync();
    expect(await shown()).toMatchObject({ taskName: '', taskPath: '' });
  });
});

describe('a timer stopped elsewhere', () => {
  it('is no longer shown', async () => {
    const { written, sync } = await setup({ timer: local(), status: idle });
    await sync();
    expect(written).toEqual([{ timer: null }]);
    expect(await shown()).toBeNull();
  });

  it('writes nothing when nothing runs here either', async () => {
    const { written, sync } = await setup({ status: idle });
    await sync();
    expect(written).toEqual([null]);
  });
});

describe('what the user did meanwhile stands', () => {
  it('when they acted while TimeCamp answered', async () => {
    const { written, sync } = await setup({
      timer: local(),
      queue: { revision: 3 },
      status: idle,
      meanwhile: () => actionQueue.setValue({ ...EMPTY_QUEUE, revision: 4 }),
    });
    await sync();
    expect(written).toEqual([null]);
    expect(await shown()).toEqual(local());
  });

  it('applies the status when the queue is as it was, at any revision', async () => {
    const { written, sync } = await setup({ timer: local(), queue: { revision: 3 }, status: idle });
    await sync();
    expect(written).toEqual([{ timer: null }]);
  });

  it('when something still waits to be sent', async () => {
    const { written, sync } = await setup({ timer: local(), queue: { actions: [queued()] }, status: idle });
    await sync();
    expect(written).toEqual([null]);
  });

  it('but not what waits for another account', async () => {
    const { written, sync } = await setup({ timer: local(), queue: { actions: [queued({ account: 'other' })] }, status: idle });
    await sync();
    expect(written).toEqual([{ timer: null }]);
  });

  it('when the timer here changed after the sync read it (a click got to the queue first)', async () => {
    const { written, sync } = await setup({ timer: local(), status: idle, view: { timer: local({ timerId: 6 }) } });
    await sync();
    expect(written).toEqual([null]);
  });

  it('when a start here replaced an unconfirmed one after the sync read it', async () => {
    const { written, sync } = await setup({
      timer: local({ timerId: null, startId: 'start-1' }),
      status: idle,
      view: { timer: local({ timerId: null, startId: 'start-2' }) },
    });
    await sync();
    expect(written).toEqual([null]);
  });

  it('applies the status to the same timer, read again', async () => {
    const { written, sync } = await setup({ timer: local({ timerId: null, startId: 'start-1' }), status: idle, view: { timer: local({ timerId: null, startId: 'start-1', note: 'Edited' }) } });
    await sync();
    expect(written).toEqual([{ timer: null }]);
  });

  it('when a start, stop or discard is held for the user', async () => {
    const held = queued({ attention: { kind: 'bad-request', message: 'No', heldAt: T0 } });
    const { written, sync } = await setup({ timer: local(), queue: { actions: [held] }, status: idle });
    await sync();
    expect(written).toEqual([null]);
    expect(await shown()).toEqual(local());
  });

  it('but not a held entry edit', async () => {
    const held = queued({ type: 'delete-entry', entryId: 3, attention: { kind: 'bad-request', message: 'No', heldAt: T0 } } as Partial<QueuedAction>);
    const { written, sync } = await setup({ timer: local(), queue: { actions: [held] }, status: idle });
    await sync();
    expect(written).toEqual([{ timer: null }]);
  });

  it('when signed out meanwhile', async () => {
    const { written, sync } = await setup({ timer: local(), status: idle, view: { accountKey: null } });
    await sync();
    expect(written).toEqual([null]);
  });
});

describe('after the status', () => {
  it('learns the account’s zone from a running timer’s start, and when it synced', async () => {
    const { sync } = await setup({ timer: local(), status: running(5) });
    await sync();
    expect(await synced()).toEqual({ ...SYNC, lastSyncAt: T0, accountOffsetMinutes: 60 });
  });

  it('learns the zone even when what the user did meanwhile stands', async () => {
    const { sync } = await setup({ timer: local(), queue: { actions: [queued()] }, status: running(5, { startTime: `${DAY} 10:45:00` }) });
    await sync();
    expect((await synced()).accountOffsetMinutes).toBe(120);
  });

  it('keeps the zone it knew when nothing runs', async () => {
    const { sync } = await setup({ sync: { accountOffsetMinutes: 120 }, status: idle });
    await sync();
    expect(await synced()).toEqual({ ...SYNC, lastSyncAt: T0, accountOffsetMinutes: 120 });
  });

  it('keeps the zone it knew when the timer shows no start time', async () => {
    const { sync } = await setup({ sync: { accountOffsetMinutes: 120 }, status: running(8, { startTime: null }) });
    await sync();
    expect((await synced()).accountOffsetMinutes).toBe(120);
  });

  it('keeps the zone it knew when the start time cannot be read', async () => {
    const { sync } = await setup({ sync: { accountOffsetMinutes: 120 }, status: running(8, { startTime: '2026-02-31 10:00:00' }) });
    await sync();
    expect((await synced()).accountOffsetMinutes).toBe(120);
  });

  const problem = (kind: SyncProblem['kind']): SyncProblem => ({ kind, message: 'Earlier', during: 'Starting the timer', at: T0 - 60_000 });

  it.each(['network', 'timeout', 'server', 'rate-limited', 'malformed'] as const)('forgets a %s problem: TimeCamp answered', async (kind) => {
    const { sync } = await setup({ sync: { problem: problem(kind) }, status: idle });
    await sync();
    expect((await synced()).problem).toBeNull();
  });

  it.each(['bad-request', 'not-found', 'forbidden'] as const)('keeps a refusal (%s) until the user has seen it', async (kind) => {
    const { sync } = await setup({ sync: { problem: problem(kind) }, status: idle });
    await sync();
    expect((await synced()).problem).toEqual(problem(kind));
  });
});
