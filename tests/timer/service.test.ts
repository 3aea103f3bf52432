import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { account } from '@/lib/storage/account';
import { today } from '@/lib/entries/today';
import { actionQueue } from '@/lib/storage/queue';
import { storageFull } from '@/lib/storage/storage-full';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { createTaskService } from '@/lib/tasks/service';
import { createTimerService, type TimerService } from '@/lib/timer/service';
import { MINUTE, T0, useTimerHarness } from './harness';

// The background's timer as its callers use it (the popup's messages, alarms,
// the badge), against the sandbox: what the service wires together, not the
// queue's or the sync's own rules, which their own tests cover.

const h = useTimerHarness();
const tasks = () => h.env.sandbox.demo.tasks;
let service: TimerService;

beforeEach(async () => {
  const now = () => h.env.sandbox.clock.now();
  service = createTimerService({ lookupTask: createTaskService({ now }).lookupTask, now });
  // The account's zone is known (UTC+1): its day at T0 is the 27th.
  await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const DAY = '2026-11-27';
/** An entry the user adds; TimeCamp refuses it on a task one may not track to. */
const standup = (taskId = tasks().internalMeetings) => ({ date: DAY, startTime: '08:00:00', endTime: '08:30:00', durationSeconds: 1800, taskId, note: 'Standup' });
const queued = async () => (await actionQueue.getValue()).actions;
const asked = () => h.env.sandbox.requests.filter((request) => request.method !== 'OPTIONS').map((request) => `${request.method} ${request.resource}`);
const statusChecks = () => h.env.sandbox.requests.filter((request) => request.resource === 'timer' && (request.body as { action?: string } | null)?.action === 'status');
/** A timer started in TimeCamp's web app, which this browser learns of only by asking. */
const startElsewhere = (taskId = tasks().jiraIssue) => h.env.client().timer.start({ taskId, startedAt: '2026-11-27 09:30:00' });

describe('the queue, as the browser reports the connection', () => {
  it('does not use up an attempt on a failure while the browser says it is offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    await h.env.sandbox.faults.offline(true);
    await service.engine.addEntry(standup());
    await service.queue.settled();
    expect(await queued()).toEqual([expect.objectContaining({ type: 'add-entry', attempts: 0 })]);
  });

  it('counts a failure while the browser says it is online, and where it has no navigator to ask', async () => {
    vi.stubGlobal('navigator', { onLine: true });
    await h.env.sandbox.faults.offline(true);
    await service.engine.addEntry(standup());
    await service.queue.settled();
    expect(await queued()).toEqual([expect.objectContaining({ attempts: 1 })]);

    vi.stubGlobal('navigator', undefined);
    await service.engine.addEntry({ ...standup(), note: 'Second' });
    await service.queue.settled();
    expect((await queued()).map((action) => action.attempts)).toEqual([2, undefined]);
  });
});

describe('a browser with no space left', () => {
  it('says so in storage for the popup, and says it no longer is once the queue is saved again', async () => {
    await h.env.sandbox.faults.offline(true);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await service.engine.addEntry(standup());
    await service.queue.settled();
    await vi.waitFor(async () => expect(await storageFull.getValue()).toBe(true));

    put.mockRestore();
    await h.env.sandbox.faults.offline(false);
    h.advance(10 * MINUTE);
    await service.queue.drain();
    await vi.waitFor(async () => expect(await storageFull.getValue()).toBe(false));
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Standup' })]);
  });
});

describe('syncIfStale, as a view opens', () => {
  it('sends at once what waits on a backoff of ours, and does not ask the status checked moments ago', async () => {
    h.env.sandbox.faults.failNext(1, 503);
    await service.engine.addEntry(standup());
    await service.queue.settled();
    expect(h.newEntries()).toEqual([]);
    await syncState.setValue({ ...(await syncState.getValue()), lastSyncAt: T0 - 1_000 });

    expect(await service.syncIfStale()).toBe(false);
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Standup' })]);
    expect(statusChecks()).toEqual([]);
  });

  it('tries what waits once more with the status check when the first try fails', async () => {
    h.env.sandbox.faults.failNext(1, 503);
    await service.engine.addEntry(standup());
    await service.queue.settled();

    // The try as the view opens meets a captive portal's page; the status check that follows sends it again.
    h.env.sandbox.faults.malformNext(1, 'html');
    await service.syncIfStale();
    expect(h.newEntries()).toEqual([expect.objectContaining({ description: 'Standup' })]);
    expect(statusChecks()).toHaveLength(1);
  });

  it('asks TimeCamp when it never was, and when the last check is more than 2 s old, not when it is 2 s old', async () => {
    await startElsewhere();
    expect(await service.syncIfStale()).toBe(true);
    expect(await runningTimer.getValue()).toMatchObject({ taskId: tasks().jiraIssue, startedHere: false });
    expect(statusChecks()).toHaveLength(1);

    await h.env.client().timer.stop({ timerId: h.serverTimer()!.timer_id, stoppedAt: '2026-11-27 10:00:00' });
    h.advance(2_000);
    expect(await service.syncIfStale()).toBe(false);
    expect(statusChecks()).toHaveLength(1);
    expect(await runningTimer.getValue()).not.toBeNull();

    h.advance(1);
    expect(await service.syncIfStale()).toBe(true);
    expect(statusChecks()).toHaveLength(2);
    expect(await runningTimer.getValue()).toBeNull();
  });

  it('answers that nothing changed when no timer runs, here or in TimeCamp', async () => {
    expect(await service.syncIfStale()).toBe(false);
    expect(statusChecks()).toHaveLength(1);
  });

  it('answers that the timer changed when TimeCamp runs another one than the one shown', async () => {
    await startElsewhere();
    await service.syncIfStale();
    const first = await runningTimer.getValue();
    await startElsewhere(tasks().githubIssue);
    h.advance(MINUTE);

    expect(await service.syncIfStale()).toBe(true);
    const second = await runningTimer.getValue();
    expect(second).toMatchObject({ taskId: tasks().githubIssue, startId: null });
    expect(second!.timerId).not.toBe(first!.timerId);
  });

  it('answers that the timer changed when the user started another one while TimeCamp was asked, though neither has reached it', async () => {
    // Both starts are on a task TimeCamp refuses: each waits for the user, and neither has a TimeCamp timer.
    await service.engine.start({ taskId: tasks().notTrackableLeaf });
    await service.queue.settled();
    expect(await runningTimer.getValue()).toMatchObject({ timerId: null, startId: expect.any(String) });

    const realFetch = globalThis.fetch;
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let asking = false;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      if (!asking && String(init?.body).includes('action=status')) {
        asking = true;
        const body = await response.text();
        await answered;
        return new Response(body, { status: response.status, headers: response.headers });
      }
      return response;
    });
    h.advance(MINUTE);
    const changed = service.syncIfStale();
    await vi.waitFor(() => expect(asking).toBe(true));
    await service.engine.start({ taskId: tasks().notTrackableLeaf, note: 'again' });
    await service.queue.settled();
    answer();

    expect(await changed).toBe(true);
    expect(await runningTimer.getValue()).toMatchObject({ timerId: null, note: 'again' });
  });
});

describe('refreshDay', () => {
  const dayRequests = () => asked().filter((request) => ['GET entries', 'GET attendance', 'GET away_time'].includes(request));

  it('refetches the day once what is queued has reached TimeCamp', async () => {
    await service.engine.addEntry(standup());
    await service.refreshDay();
    expect((await today.getValue())?.entries).toContainEqual(expect.objectContaining({ note: 'Standup', startTime: expect.stringContaining('08:00:00') }));
  });

  it('does nothing signed out', async () => {
    await account.setValue(null);
    await expect(service.refreshDay(true)).resolves.toBeUndefined();
    expect(asked()).toEqual([]);
    expect(await today.getValue()).toBeNull();
  });

  it('skips a full refresh of the day fetched less than 20 s ago, not one of a day fetched 20 s ago', async () => {
    await service.refreshDay(true);
    expect(dayRequests().sort()).toEqual(['GET attendance', 'GET away_time', 'GET entries']);

    h.advance(10_000);
    await service.refreshDay(true);
    expect(dayRequests()).toHaveLength(3);

    h.advance(10_000);
    await service.refreshDay(true);
    expect(dayRequests()).toHaveLength(6);
    expect((await today.getValue())?.fetchedAt).toBe(T0 + 20_000);
  });

  it('does a full refresh when the day fetched moments ago was another day', async () => {
    // Five seconds before midnight in the account's zone (UTC+1), then five after.
    h.env.sandbox.clock.set(Date.UTC(2026, 10, 27, 22, 59, 55));
    await service.refreshDay(true);
    expect((await today.getValue())?.date).toBe('2026-11-27');

    h.advance(10_000);
    await service.refreshDay(true);
    expect((await today.getValue())?.date).toBe('2026-11-28');
  });

  it('always refetches the entries after a change, however recently the day was fetched', async () => {
    await service.refreshDay(true);
    h.advance(1_000);
    await service.refreshDay();
    expect(dayRequests().filter((request) => request === 'GET entries')).toHaveLength(2);
    expect((await today.getValue())?.fetchedAt).toBe(T0 + 1_000);
  });
});

describe('refreshBadge', () => {
  it("counts the held actions of the signed-in account only", async () => {
    vi.spyOn(fakeBrowser.action, 'setIcon').mockResolvedValue(undefined);
    // One refused here; one held for another account this browser was signed in to before.
    await service.engine.addEntry(standup(tasks().notTrackableLeaf));
    await service.queue.settled();
    const [mine] = await queued();
    expect(mine).toMatchObject({ attention: { kind: expect.any(String) } });
    const theirs = { ...mine!, id: 'theirs', account: 'https://app.timecamp.com/third_party/api#999' };
    await actionQueue.setValue({ ...(await actionQueue.getValue()), actions: [mine!, theirs] });

    await service.refreshBadge();

    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    const title = await fakeBrowser.action.getTitle({});
    expect(title).toContain('2 changes wait to be sent to TimeCamp.');
    expect(title).toContain('1 of them need your attention');
  });
});
