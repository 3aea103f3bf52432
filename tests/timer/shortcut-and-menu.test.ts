import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StartFromIssueResult } from '@/lib/messaging/protocol';
import { account } from '@/lib/storage/account';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { lastTimer, runningTimer, type IssueRef, type RunningTimer } from '@/lib/storage/timer';
import type { TimerEngine } from '@/lib/timer/engine';
import { createQuickStart } from '@/lib/timer/quick-start';

// The keyboard shortcut and the context menu, against a fake engine: what they
// start or stop, and what they tell the user when they cannot.

const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);
const SIGN_IN = 'Sign in to TimeCamp first: open the extension and enter your API token.';
const NO_TASK = 'Pick a task in the TimeCamp popup first: the shortcut and the menu start the last task you used.';
const signedIn = { token: 't', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 1, email: 'a@b.c', displayName: 'Alex' }, signedInAt: 0 };
const issue: IssueRef = { integration: 'github', externalId: 'github_issue_octo/hello#12', key: '#12', title: 'Fix login', url: 'https://github.com/octo/hello/issues/12', project: 'octo/hello' };
const running = { timerId: 1, entryId: 2, taskId: 3, taskName: 'x', taskPath: 'x', externalTaskId: null, note: '', billable: false, startedAt: NOW, source: null, startedHere: true, startId: null } as RunningTimer;

function setUp(options: { pageIssue?: IssueRef | null | 'fails'; fromIssue?: StartFromIssueResult } = {}) {
  const start = vi.fn(async (_options: { note?: string }) => {});
  const stop = vi.fn(async () => {});
  const told: string[] = [];
  const readIssue = vi.fn(async () => {
    if (options.pageIssue === 'fails') throw new Error('no receiving end');
    return options.pageIssue ?? null;
  });
  const startFromIssue = vi.fn(async () => options.fromIssue ?? ({ outcome: 'started' } as StartFromIssueResult));
  const quick = createQuickStart({
    engine: { start, stop } as unknown as TimerEngine,
    startFromIssue,
    readIssue,
    tell: async (message) => void told.push(message),
    now: () => NOW,
  });
  return { quick, start, stop, told, readIssue, startFromIssue };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signed out', () => {
  it('the shortcut, the selection and "Track this page" only say to sign in first', async () => {
    await lastTimer.setValue({ taskId: 7, note: 'n' });
    await runningTimer.setValue(running);
    const { quick, start, stop, told, readIssue } = setUp({ pageIssue: issue });
    await quick.toggle();
    await quick.startWithSelection('Spec');
    await quick.trackPage({ id: 4, title: 'Page' });
    expect(told).toEqual([SIGN_IN, SIGN_IN, SIGN_IN]);
    expect(start).not.toHaveBeenCalled();
    expect(stop).not.toHaveBeenCalled();
    expect(readIssue).not.toHaveBeenCalled();
  });

  it('says so in the browser’s language', async () => {
    const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => polish[name]?.message ?? '');
    const { quick, told } = setUp();
    await quick.toggle();
    expect(told).toEqual([polish.bg_signInFirst!.message]);
  });

  it('says so in English without a catalogue', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const { quick, told } = setUp();
    await quick.toggle();
    expect(told).toEqual([SIGN_IN]);
  });
});

describe('the shortcut, signed in', () => {
  it('stops the running timer at the press', async () => {
    await account.setValue(signedIn);
    await runningTimer.setValue(running);
    const { quick, start, stop, told } = setUp();
    await quick.toggle(NOW + 5);
    expect(stop).toHaveBeenCalledWith(NOW + 5);
    expect(start).not.toHaveBeenCalled();
    expect(told).toEqual([]);
  });

  it('starts the last task again with its note and billing, at the press', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: 'Review', billable: true });
    const { quick, start } = setUp();
    await quick.toggle();
    expect(start).toHaveBeenCalledWith({ taskId: 7, note: 'Review', billable: true, at: NOW });
  });

  it('says to pick a task first when there is no last task, in the browser’s language', async () => {
    await account.setValue(signedIn);
    const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => polish[name]?.message ?? '');
    const { quick, start, told } = setUp();
    await quick.toggle();
    expect(told).toEqual([polish.bg_noLastTask!.message]);
    expect(start).not.toHaveBeenCalled();
  });

  it('says to pick a task first in English without a catalogue', async () => {
    await account.setValue(signedIn);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const { quick, told } = setUp();
    await quick.toggle();
    expect(told).toEqual([NO_TASK]);
  });
});

describe('"Start timer with the selection"', () => {
  it('starts the last task with the selection as the note, at most 500 characters', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: 'old' });
    const { quick, start } = setUp();
    await quick.startWithSelection(`  ${'a'.repeat(498)}\n\n  bcd `);
    expect(start).toHaveBeenCalledWith({ taskId: 7, note: `${'a'.repeat(498)} b`, source: null, at: NOW });
  });

  it('uses the default task from the options when no timer ran yet', async () => {
    await account.setValue(signedIn);
    await settings.setValue({ ...DEFAULT_SETTINGS, defaultTaskId: 9 });
    const { quick, start } = setUp();
    await quick.startWithSelection('Call');
    expect(start).toHaveBeenCalledWith({ taskId: 9, note: 'Call', source: null, at: NOW });
  });

  it('says to pick a task first when there is neither a last nor a default task', async () => {
    await account.setValue(signedIn);
    const { quick, start, told } = setUp();
    await quick.startWithSelection('Call');
    expect(told).toEqual([NO_TASK]);
    expect(start).not.toHaveBeenCalled();
  });
});

describe('"Track this page"', () => {
  it('notes the page’s trimmed title on the last task when the page has no issue', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    const { quick, start, startFromIssue } = setUp({ pageIssue: null });
    await quick.trackPage({ id: 4, title: '  Quarterly report  ' });
    expect(start).toHaveBeenCalledWith({ taskId: 7, note: 'Quarterly report', source: null, at: NOW });
    expect(startFromIssue).not.toHaveBeenCalled();
  });

  it('names a page without a title "Untitled page", and one whose tracker cannot be asked too', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    const { quick, start } = setUp({ pageIssue: 'fails' });
    await quick.trackPage({ id: 4, title: '   ' });
    await quick.trackPage({ id: 4 });
    expect(start.mock.calls.map(([options]) => options.note)).toEqual(['Untitled page', 'Untitled page']);
  });

  it('names an untitled page in the browser’s language', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => polish[name]?.message ?? '');
    const { quick, start } = setUp({ pageIssue: null });
    await quick.trackPage({ id: 4 });
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ note: polish.bg_untitledPage!.message }));
  });

  it('does not ask a tab without an id for its issue', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    const { quick, readIssue, start } = setUp({ pageIssue: issue });
    await quick.trackPage({ title: 'Page' });
    expect(readIssue).not.toHaveBeenCalled();
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ note: 'Page' }));
  });

  it('leaves a start on the issue’s own task to the issue flow, and says nothing', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    const { quick, start, told, startFromIssue, readIssue } = setUp({ pageIssue: issue, fromIssue: { outcome: 'started' } as StartFromIssueResult });
    await quick.trackPage({ id: 4, title: 'Page' }, NOW + 3);
    expect(readIssue).toHaveBeenCalledWith(4);
    expect(startFromIssue).toHaveBeenCalledWith(issue, NOW + 3);
    expect(start).not.toHaveBeenCalled();
    expect(told).toEqual([]);
  });

  it('starts the last task with the issue’s note and link when the issue has no task yet', async () => {
    await account.setValue(signedIn);
    await lastTimer.setValue({ taskId: 7, note: '' });
    const { quick, start, told } = setUp({ pageIssue: issue, fromIssue: { outcome: 'needs-task', note: '#12 Fix login', suggestions: [] } });
    await quick.trackPage({ id: 4, title: 'Page' });
    expect(start).toHaveBeenCalledWith({ taskId: 7, note: '#12 Fix login', source: issue, at: NOW });
    expect(told).toEqual([]);
  });

  it('says to sign in first when the issue flow found the user signed out', async () => {
    await account.setValue(signedIn);
    const { quick, start, told } = setUp({ pageIssue: issue, fromIssue: { outcome: 'signed-out' } as StartFromIssueResult });
    await quick.trackPage({ id: 4, title: 'Page' });
    expect(told).toEqual([SIGN_IN]);
    expect(start).not.toHaveBeenCalled();
  });
});
