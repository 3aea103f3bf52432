import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
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
});
