import type { Page } from 'playwright-core';
import { sendRawMessage } from '../../tests/e2e/helpers/extension-messages';
import type { LaunchedExtension } from '../../tests/e2e/helpers/launch-extension';
import { trustedValue } from '../../tests/e2e/helpers/trusted-storage';
import type { Sandbox } from '../../tests/sandbox';
import type { TimingFigure } from './report';
import { repeat, summarise } from './stats';
import { workerHeapBytes } from './worker-heap';

/** Reads one value of the extension's own storage from an extension page. */
const stored = (page: Page, key: string) => trustedValue<unknown>(page, key);

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const figure = (name: string, values: number[], unit: TimingFigure['unit'], how: string, budget?: number): TimingFigure => {
  const { median, min, max } = summarise(values);
  return { name, median, min, max, unit, how, budget };
};

/** The worker's heap with the 10,000-task tree loaded and searched once. */
export async function workerHeapWithTasks(extension: LaunchedExtension, page: Page, taskCount: number): Promise<TimingFigure> {
  await sendRawMessage(page, 'searchTasks', { query: 'a', limit: 5 });
  await until(async () => ((await stored(page, 'tasks')) as { nodes?: unknown[] } | undefined)?.nodes?.length! >= taskCount, 'the task tree');
  await sendRawMessage(page, 'searchTasks', { query: 'umbrella', limit: 5 });
  const values = await repeat(3, async () => (await workerHeapBytes(extension.context, page)) / (1024 * 1024));
  return figure(`service worker: heap with ${taskCount} tasks`, values, 'MB', 'DevTools Runtime.getHeapUsage after a forced GC, tree cached and indexed');
}

/** Requests TimeCamp gets for what the user does, counted at the sandbox. */
export async function requestCounts(extension: LaunchedExtension, page: Page, sandbox: Sandbox, issueUrl: string): Promise<TimingFigure[]> {
  const count = () => sandbox.requests.filter((request) => request.method !== 'OPTIONS').length;
  const settled = async () => {
    await until(async () => ((await stored(page, 'queue')) as { actions?: unknown[] } | undefined)?.actions?.length === 0, 'the queue to empty');
    // The day the popup shows is refreshed after a change: let that land too.
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  const figures: TimingFigure[] = [];

  // Whatever earlier steps set going (a popup's refresh) must be over, or it would be counted here.
  await until(async () => {
    const seen = count();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return count() === seen;
  }, 'quiet on the wire');
  let before = count();
  const view = await extension.context.newPage();
  await view.goto(issueUrl);
  await view.locator('timecamp-button').first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  figures.push({ name: 'requests per tracker page view', median: count() - before, min: count() - before, max: count() - before, unit: 'requests', budget: 0, how: 'open the GitHub issue fixture, wait for the button and 1 s more' });
  await view.close();

  const taskId = sandbox.demo.tasks.githubIssue;
  before = count();
  await sendRawMessage(page, 'startTimer', { taskId, note: 'bench' });
  await settled();
  const perStart = count() - before;
  figures.push({ name: 'requests, first start on an account', median: perStart, min: perStart, max: perStart, unit: 'requests', how: 'startTimer with a note; the first start learns the account zone (and may redo itself once)' });

  before = count();
  await sendRawMessage(page, 'stopTimer');
  await settled();
  const perStop = count() - before;
  figures.push({ name: 'requests per stop', median: perStop, min: perStop, max: perStop, unit: 'requests', how: 'stopTimer message until the queue is empty, day and issue-time refresh included' });

  figures.push(...(await requestsPerHour(extension, sandbox, 'idle')));
  before = count();
  await sendRawMessage(page, 'startTimer', { taskId, note: 'bench' });
  await settled();
  const perLaterStart = count() - before;
  figures.push({ name: 'requests per start (with a note)', median: perLaterStart, min: perLaterStart, max: perLaterStart, unit: 'requests', how: 'startTimer with a note until the queue is empty' });
  // The alarm's period follows the timer (every minute while one runs): wait for the switch.
  await until(async () => (await extension.serviceWorker.evaluate(async () => (await (globalThis as unknown as Alarms).chrome.alarms.get('timecamp-sync'))?.periodInMinutes)) === 1, 'the running-timer alarm');
  figures.push(...(await requestsPerHour(extension, sandbox, 'running')));
  await sendRawMessage(page, 'stopTimer');
  await settled();
  return figures;
}

type Alarms = { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined>; create(name: string, info: object): Promise<void> } } };

/** Fires the sync alarm once, at once, and counts its requests; puts the period back. */
async function oneSyncAlarm(extension: LaunchedExtension, sandbox: Sandbox): Promise<{ period: number; requests: number }> {
  const worker = extension.serviceWorker;
  const before = sandbox.requests.length;
  const period = await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as Alarms;
    const alarm = await chrome.alarms.get('timecamp-sync');
    await chrome.alarms.create('timecamp-sync', { when: Date.now() + 50 });
    return alarm?.periodInMinutes ?? 0;
  });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await worker.evaluate(async (minutes) => {
    const { chrome } = globalThis as unknown as Alarms;
    await chrome.alarms.create('timecamp-sync', { periodInMinutes: minutes, delayInMinutes: minutes });
  }, period);
  return { period, requests: sandbox.requests.length - before };
}

// The task tree is revalidated in the background at most every 30 minutes, with two requests.
const TREE_REQUESTS_PER_HOUR = 2 * 2;

/**
 * Requests per hour from the sync alarm: its period (read from Chrome) times
 * what one alarm costs (fired once and counted), plus the task tree's
 * background revalidation.
 */
async function syncRequestsPerHour(extension: LaunchedExtension, sandbox: Sandbox, state: 'idle' | 'running'): Promise<TimingFigure> {
  const sync = await oneSyncAlarm(extension, sandbox);
  const perHour = (sync.period ? (60 / sync.period) * sync.requests : 0) + TREE_REQUESTS_PER_HOUR;
  return {
    name: `requests per hour, popup closed, timer ${state}`,
    median: perHour,
    min: perHour,
    max: perHour,
    unit: 'requests',
    budget: state === 'idle' ? 60 + TREE_REQUESTS_PER_HOUR : undefined,
    how: `sync alarm every ${sync.period} min × ${sync.requests} request(s) measured, + task tree revalidation`,
  };
}

/** Requests per hour with the popup closed, then with it open, in the timer's current state. */
async function requestsPerHour(extension: LaunchedExtension, sandbox: Sandbox, state: 'idle' | 'running'): Promise<TimingFigure[]> {
  const closed = await syncRequestsPerHour(extension, sandbox, state);
  // The alarm was just fired and set a whole period out: the popup's window below ends before it comes again.
  return [closed, await popupOpenRequestsPerHour(extension, sandbox, state, closed)];
}

type PeriodicSyncLog = { chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } } }; benchPeriodicSyncs?: number[] };

/**
 * Requests per hour while the popup stays open: on top of what the background
 * does anyway (`closed`), the popup's periodic status checks. The service
 * worker notes when each periodic `syncNow` arrives; the requests TimeCamp gets
 * between the first and the third, over those two intervals, give both how
 * often the popup asks and what each check costs. What opening the popup costs
 * comes before the first and is not counted.
 */
async function popupOpenRequestsPerHour(extension: LaunchedExtension, sandbox: Sandbox, state: 'idle' | 'running', closed: TimingFigure): Promise<TimingFigure> {
  const worker = extension.serviceWorker;
  await worker.evaluate(() => {
    const log = globalThis as unknown as PeriodicSyncLog;
    if (log.benchPeriodicSyncs) {
      log.benchPeriodicSyncs.length = 0;
      return;
    }
    log.benchPeriodicSyncs = [];
    // A listener that answers nothing leaves the answer to the extension's own.
    log.chrome.runtime.onMessage.addListener((message) => {
      const { type, data } = (message ?? {}) as { type?: string; data?: { periodic?: boolean } };
      if (type === 'syncNow' && data?.periodic) log.benchPeriodicSyncs!.push(Date.now());
    });
  });
  const popup = await extension.openPopup();
  const checks = () => worker.evaluate(() => [...((globalThis as unknown as PeriodicSyncLog).benchPeriodicSyncs ?? [])]);
  await until(async () => (await checks()).length >= 3, 'three periodic status checks from the open popup', 60_000);
  await popup.close();

  const [first, , third] = (await checks()) as [number, number, number];
  const requests = sandbox.requests.filter((request) => request.method !== 'OPTIONS' && request.time >= first && request.time < third).length;
  const everyMs = (third - first) / 2;
  const perCheck = requests / 2;
  const perHour = closed.median + (3_600_000 / everyMs) * perCheck;
  return {
    name: `requests per hour, popup open, timer ${state}`,
    median: perHour,
    min: perHour,
    max: perHour,
    unit: 'requests',
    how: `popup's status check every ${(everyMs / 1000).toFixed(0)} s × ${perCheck} request(s) measured, + the popup-closed figure`,
  };
}
