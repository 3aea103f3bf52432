// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineIntegration } from '@/lib/integrations/define';
import type { Messenger } from '@/lib/integrations/messenger';
import { startIntegrations } from '@/lib/integrations/start';
import type { Stored } from '@/lib/integrations/stored';
import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
import type { PageTimer } from '@/lib/storage/page-state';
import { runningTimer, timerKey, type IssueRef, type RunningTimer } from '@/lib/storage/timer';
import { createTaskService } from '@/lib/tasks/service';
import { createTimerService } from '@/lib/timer/service';
import { contentScript, deliver, message, popupPage } from '../messaging/deliver';
import { useTimerHarness } from '../timer/harness';
import { buttonOf, nameOf, onlyHost, settle, userClick } from '../integrations/helpers';

// A tab whose button still shows issue A's timer after issue B's timer started elsewhere (the
// popup, another tab, TimeCamp's app) and before this tab heard of it: its Stop must not stop B.

const h = useTimerHarness();

const issue = (n: number): IssueRef => ({ integration: 'test', externalId: `test_issue_${n}`, key: `#${n}`, title: `Issue ${n}`, url: `https://tracker.test/i/${n}` });
const tracker = defineIntegration(
  { id: 'test', name: 'Test', matches: [], selfHosted: true },
  { issuePages: /^\/i\/\d+/, places: [{ name: 'issue', anchor: '#issue-a', position: 'inside', read: () => issue(1) }] },
);

/** What the tab last heard of the running timer: it hears only when the test says so. */
function staleView(): Stored<PageTimer | null> & { hear(timer: RunningTimer | null): void } {
  let shown: PageTimer | null = null;
  const listeners = new Set<(value: PageTimer | null) => void>();
  return {
    getValue: async () => shown,
    watch(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    hear(timer) {
      shown = timer && { key: timerKey(timer), source: timer.source && { externalId: timer.source.externalId }, externalTaskId: timer.externalTaskId, taskName: timer.taskName, startedAt: timer.startedAt };
      listeners.forEach((listener) => listener(shown));
    },
  };
}

/** The content script's messages, delivered to the real background as Chrome delivers them from a tab. */
const tabMessenger: Messenger = {
  startFromIssue: async () => ({ outcome: 'signed-out' }),
  async stopTimer(request) {
    const answer = (await deliver(message('stopTimer', request), contentScript())) as { err?: { message: string } };
    if (answer.err) throw new Error(answer.err.message);
  },
  reportPage: async () => undefined,
  onReadIssue: () => () => undefined,
};

describe('a Stop from a button that shows an older timer', () => {
  let unregister: () => void;
  let stop: () => void;
  let background: ReturnType<typeof createTimerService>;
  const view = staleView();

  beforeEach(async () => {
    const now = () => h.env.sandbox.clock.now();
    const tasks = createTaskService({ now });
    background = createTimerService({ lookupTask: tasks.lookupTask, now });
    // What a stop refreshes for the popup and the button's tracked time is beside the point here.
    vi.spyOn(background, 'refreshDay').mockResolvedValue();
    vi.spyOn(tasks, 'refreshIssueTime').mockResolvedValue();
    unregister = registerBackgroundHandlers({ tasks, timer: background });
    document.body.innerHTML = '<div id="issue-a"></div>';
    stop = startIntegrations([tracker], { messenger: tabMessenger, timer: view, settings: { getValue: async () => null, watch: () => () => undefined } });
    await settle();
  });
  afterEach(async () => {
    stop();
    unregister();
    // What the clicks set going reaches TimeCamp before the next test resets it.
    await background.queue.settled();
    vi.restoreAllMocks();
  });

  const startOn = async (n: number) => {
    const taskId = n === 1 ? h.env.sandbox.demo.tasks.githubIssue : h.env.sandbox.demo.tasks.jiraIssue;
    expect(await deliver(message('startTimer', { taskId, note: `#${n}`, source: issue(n) }), popupPage())).toEqual({ res: undefined });
    return (await runningTimer.getValue())!;
  };

  it('leaves the other issue’s timer running, and the button then shows what runs', async () => {
    view.hear(await startOn(1));
    await settle();
    const button = buttonOf(onlyHost());
    expect(nameOf(button)).toBe('Stop timer');

    const b = await startOn(2); // elsewhere: this tab has not heard of it yet
    userClick(button);
    await settle();

    expect(await runningTimer.getValue()).toMatchObject({ key: timerKey(b), source: { externalId: 'test_issue_2' } });
    await expect.poll(() => h.serverTimer()?.task_id).toBe(h.env.sandbox.demo.tasks.jiraIssue);

    view.hear(await runningTimer.getValue());
    await settle();
    expect(nameOf(button)).toBe('Start timer');
  });

  it('stops the timer it shows', async () => {
    view.hear(await startOn(1));
    await settle();
    userClick(buttonOf(onlyHost()));
    await settle();
    await expect.poll(() => runningTimer.getValue()).toBeNull();
  });
});
