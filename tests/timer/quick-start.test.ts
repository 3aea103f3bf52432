import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StartFromIssueResult } from '@/lib/messaging/protocol';
import { account } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { runningTimer, type IssueRef } from '@/lib/storage/timer';
import { createQuickStart } from '@/lib/timer/quick-start';
import { MINUTE, useTimerHarness } from './harness';

process.env.TZ = 'America/Los_Angeles';

const h = useTimerHarness();
afterEach(() => {
  vi.restoreAllMocks();
});
const issue: IssueRef = {
  integration: 'github',
  externalId: 'github_issue_octo/hello-world#12',
  key: '#12',
  title: 'Fix login redirect after sign-in',
  url: 'https://github.com/octo/hello-world/issues/12',
  project: 'octo/hello-world',
};

function setUp(options: { pageIssue?: IssueRef | null; fromIssue?: StartFromIssueResult } = {}) {
  const { engine, queue } = h.boot();
  const told: string[] = [];
  const quick = createQuickStart({
    engine,
    startFromIssue: async (asked, at) => {
      if (options.fromIssue?.outcome === 'started') await engine.start({ taskId: options.fromIssue.task.taskId, note: `${asked.key} ${asked.title}`, source: asked, at });
      return options.fromIssue ?? { outcome: 'needs-task', note: `${asked.key} ${asked.title}`, suggestions: [] };
    },
    readIssue: async () => options.pageIssue ?? null,
    tell: async (message) => void told.push(message),
    now: () => h.env.sandbox.clock.now(),
  });
  return { engine, queue, quick, told };
}

describe('the keyboard shortcut', () => {
  it('stops the running timer, and starts the last task with its note again', async () => {
    const { engine, queue, quick } = setUp();
    await engine.start({ taskId: h.env.sandbox.demo.tasks.githubPr, note: 'Review' });
    h.advance(15 * MINUTE);

    await quick.toggle();
    expect(await runningTimer.getValue()).toBeNull();
    h.advance(5 * MINUTE);
    await quick.toggle();
    await queue.drain();

    expect(await runningTimer.getValue()).toMatchObject({ taskId: h.env.sandbox.demo.tasks.githubPr, note: 'Review' });
    expect(h.newEntries().map((e) => [e.start_time, e.end_time, e.description])).toEqual([
      ['10:00:00', '10:15:00', 'Review'],
      ['10:20:00', '10:20:00', 'Review'],
    ]);
  });

  it('asks to sign in first, and queues nothing, when nobody is signed in', async () => {
    const { engine, queue, quick, told } = setUp();
    await engine.start({ taskId: h.env.sandbox.demo.tasks.githubPr, note: 'Review' });
    await queue.drain();
    await account.setValue(null);
    const queuedBefore = (await actionQueue.getValue()).actions.length;

    await quick.toggle();
    await quick.startWithSelection('Spec review');

    expect(told).toEqual([expect.stringContaining('Sign in'), expect.stringContaining('Sign in')]);
    expect((await actionQueue.getValue()).actions).toHaveLength(queuedBefore);
    expect(h.serverTimer()).toMatchObject({ task_id: h.env.sandbox.demo.tasks.githubPr });
  });

  it('explains what to do when there is no last task', async () => {
    const { quick, told } = setUp();
    await quick.toggle();
    expect(told).toEqual([expect.stringContaining('Pick a task')]);
    expect(await runningTimer.getValue()).toBeNull();
  });
});

describe('the context menu', () => {
  it('starts the last task with the selected text as the note', async () => {
    const { engine, quick } = setUp();
    await engine.start({ taskId: h.env.sandbox.demo.tasks.internalMeetings });
    await engine.stop();

    await quick.startWithSelection('  Call with\n  the Acme team ');
    expect(await runningTimer.getValue()).toMatchObject({ taskId: h.env.sandbox.demo.tasks.internalMeetings, note: 'Call with the Acme team' });
  });

  it('"Track this page" starts on the issue when the page is a tracker\'s issue', async () => {
    const { quick } = setUp({ pageIssue: issue, fromIssue: { outcome: 'started', task: { taskId: h.env.sandbox.demo.tasks.githubIssue, name: 'Fix login redirect', path: '', color: null } } });
    await quick.trackPage({ id: 4, title: 'ignored' });
    expect(await runningTimer.getValue()).toMatchObject({ taskId: h.env.sandbox.demo.tasks.githubIssue, note: '#12 Fix login redirect after sign-in', source: issue });
  });

  it('"Track this page" notes the page title on the last task elsewhere', async () => {
    const { engine, quick } = setUp({ pageIssue: null });
    await engine.start({ taskId: h.env.sandbox.demo.tasks.internalMeetings });
    await quick.trackPage({ id: 4, title: 'Quarterly report – Google Docs' });
    expect(await runningTimer.getValue()).toMatchObject({ taskId: h.env.sandbox.demo.tasks.internalMeetings, note: 'Quarterly report – Google Docs' });
  });

  it('"Track this page" notes "Untitled page" for a page without a title, with or without a catalogue', async () => {
    const { engine, quick } = setUp({ pageIssue: null });
    await engine.start({ taskId: h.env.sandbox.demo.tasks.internalMeetings });
    h.advance(MINUTE);
    await quick.trackPage({ id: 4, title: '  ' });
    expect(await runningTimer.getValue()).toMatchObject({ note: 'Untitled page' });

    // An older build, or a language the catalogue lacks: the English still names the page.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    h.advance(MINUTE);
    await quick.trackPage({ id: 5 });
    expect(await runningTimer.getValue()).toMatchObject({ note: 'Untitled page', startedAt: h.env.sandbox.clock.now() });
  });
});
