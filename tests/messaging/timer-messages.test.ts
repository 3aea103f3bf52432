import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { createTaskService } from '@/lib/tasks/service';
import { createTimerService } from '@/lib/timer/service';
import { useTimerHarness } from '../timer/harness';
import { contentScript, deliver, foreign, message, popupPage } from './deliver';

const h = useTimerHarness();
let unregister: () => void;

beforeEach(() => {
  const tasks = createTaskService({ now: () => h.env.sandbox.clock.now() });
  unregister = registerBackgroundHandlers({ tasks, timer: createTimerService({ lookupTask: tasks.lookupTask, now: () => h.env.sandbox.clock.now() }) });
});
afterEach(() => unregister());

const refusal = (text: string | RegExp) => ({ err: expect.objectContaining({ message: expect.stringMatching(text) }) });

describe('timer messages', () => {
  it('start a timer from the popup and from a tracker\'s button', async () => {
    const taskId = h.env.sandbox.demo.tasks.githubIssue;
    expect(await deliver(message('startTimer', { taskId, note: 'from the popup' }), popupPage())).toEqual({ res: undefined });
    expect(await runningTimer.getValue()).toMatchObject({ taskId, note: 'from the popup' });

    expect(await deliver(message('stopTimer'), contentScript())).toEqual({ res: undefined });
    expect(await runningTimer.getValue()).toBeNull();
  });

  it('refuse messages from another extension', async () => {
    expect(await deliver(message('startTimer', { taskId: 1 }), foreign())).toEqual(refusal(/own pages/));
    expect(await deliver(message('stopTimer'), foreign())).toEqual(refusal(/not this extension/));
  });

  it("refuse a tracker page's script that asks for task names or starts on a task of its choosing", async () => {
    expect(await deliver(message('searchTasks', { query: 'a' }), contentScript())).toEqual(refusal(/own pages/));
    // Fetching the tree costs TimeCamp two requests: a page must not be able to make it.
    expect(await deliver(message('refreshTasks', { reason: 'asked' }), contentScript())).toEqual(refusal(/own pages/));
    expect(await deliver(message('startTimer', { taskId: h.env.sandbox.demo.tasks.githubIssue }), contentScript())).toEqual(refusal(/own pages/));
    expect(await runningTimer.getValue()).toBeNull();
  });

  it('refuse malformed payloads, naming the fields', async () => {
    expect(await deliver(message('startTimer', { taskId: 'twelve' }), popupPage())).toEqual(refusal(/startTimer: invalid payload \(taskId\)/));
    expect(await deliver(message('startTimer', { taskId: 5, extra: true }), popupPage())).toEqual(refusal(/invalid payload \(extra\)/));
    expect(await deliver(message('addEntry', { date: 'today', startTime: '9', endTime: '10', durationSeconds: -1 }), popupPage())).toEqual(
      refusal(/addEntry: invalid payload \(date, startTime, endTime, durationSeconds\)/),
    );
    expect(await runningTimer.getValue()).toBeNull();
  });

  it('let only the extension\'s own pages edit or delete entries, or discard a timer', async () => {
    expect(await deliver(message('deleteEntry', { entryId: 104000003 }), contentScript())).toEqual(refusal(/only the extension's own pages/));
    expect(await deliver(message('discardTimer'), contentScript())).toEqual(refusal(/only the extension's own pages/));
  });

  it('refuse to start while signed out, saying what to do', async () => {
    await deliver(message('signOut', { dropQueue: true }), popupPage());
    expect(await deliver(message('startTimer', { taskId: 5 }), popupPage())).toEqual(refusal(/Sign in to TimeCamp first/));
  });

  it('add a past calendar event, from the picker, as entries on the sandbox in the account’s zone', async () => {
    const taskId = h.env.sandbox.demo.tasks.githubIssue;
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    // 09:00–10:30 UTC yesterday is 10:00–11:30 in the account's zone (UTC+1), whatever the browser's.
    const day = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
    const start = Date.parse(`${day}T09:00:00Z`);
    const end = Date.parse(`${day}T10:30:00Z`);
    expect(await deliver(message('addEventEntry', { taskId, note: 'Design review', start, end }), popupPage())).toEqual({ res: undefined });
    await vi.waitFor(() =>
      expect(h.newEntries()).toEqual([expect.objectContaining({ task_id: taskId, date: day, start_time: '10:00:00', end_time: '11:30:00', duration: 5400, description: 'Design review' })]),
    );
  });

  it('refuse an event that is not over, one that ends before it starts, and one from a tracker page', async () => {
    const taskId = h.env.sandbox.demo.tasks.githubIssue;
    const soon = Date.now() + 3600_000;
    expect(await deliver(message('addEventEntry', { taskId, start: soon, end: soon + 3600_000 }), popupPage())).toEqual(refusal(/Only an event that is over/));
    expect(await deliver(message('addEventEntry', { taskId, start: 2000, end: 1000 }), popupPage())).toEqual(refusal(/addEventEntry: invalid payload/));
    expect(await deliver(message('addEventEntry', { taskId, start: 1000, end: 2000 }), contentScript())).toEqual(refusal(/only the extension's own pages/));
    // A button's Add as entry on an event still to come opens no picker either.
    const press = { integration: 'googlecalendar', externalId: 'googlecalendar_event_abc', key: '', title: 'Design review', url: 'https://calendar.google.com/calendar/event?eid=abc' };
    expect(await deliver(message('startFromIssue', { ...press, event: { start: soon, end: soon + 3600_000 } }), contentScript())).toEqual(refusal(/Only an event that is over/));
    expect(h.newEntries()).toEqual([]);
  });
});
