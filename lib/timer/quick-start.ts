import type { StartFromIssueResult } from '@/lib/messaging/protocol';
import { account } from '@/lib/storage/account';
import { settings } from '@/lib/storage/settings';
import { lastTimer, runningTimer, type IssueRef } from '@/lib/storage/timer';
import type { TimerEngine } from './engine';
import { say } from '@/lib/i18n';

export interface QuickStartDeps {
  engine: TimerEngine;
  startFromIssue(issue: IssueRef, at: number): Promise<StartFromIssueResult>;
  /** Asks the tab's tracker integration for its issue; null when the page has none (or no integration runs there). */
  readIssue(tabId: number): Promise<IssueRef | null>;
  tell(message: string): Promise<void>;
  now(): number;
}


const signInFirst = () => say('bg_signInFirst', 'Sign in to TimeCamp first: open the extension and enter your API token.');
const noTask = () => say('bg_noLastTask', 'Pick a task in the TimeCamp popup first: the shortcut and the menu start the last task you used.');

/** The keyboard shortcut and the context menu: timers without opening the popup. */
export function createQuickStart(deps: QuickStartDeps) {
  async function taskToUse(): Promise<number | null> {
    return (await lastTimer.getValue())?.taskId ?? (await settings.getValue()).defaultTaskId ?? null;
  }

  async function startWithNote(note: string, at: number, source: IssueRef | null = null): Promise<void> {
    const taskId = await taskToUse();
    if (taskId === null) return deps.tell(noTask());
    await deps.engine.start({ taskId, note, source, at });
  }

  /** Like the popup, nothing happens for a user who is not signed in, but being told so. */
  async function signedIn(): Promise<boolean> {
    if (await account.getValue()) return true;
    await deps.tell(signInFirst());
    return false;
  }

  return {
    /** Stops the running timer, or starts the last task with its note again. */
    async toggle(at = deps.now()): Promise<void> {
      if (!(await signedIn())) return;
      if (await runningTimer.getValue()) return deps.engine.stop(at);
      const last = await lastTimer.getValue();
      if (!last) return deps.tell(noTask());
      await deps.engine.start({ taskId: last.taskId, note: last.note, billable: last.billable, at });
    },

    /** "Start timer with '<selection>'": the selected text is the note. */
    async startWithSelection(selection: string, at = deps.now()): Promise<void> {
      if (await signedIn()) await startWithNote(selection.replace(/\s+/g, ' ').trim().slice(0, 500), at);
    },

    /** "Track this page": the tracker's issue when the page is one, else the page's title. */
    async trackPage(tab: { id?: number; title?: string }, at = deps.now()): Promise<void> {
      if (!(await signedIn())) return;
      const issue = tab.id === undefined ? null : await deps.readIssue(tab.id).catch(() => null);
      if (!issue) return startWithNote(tab.title?.trim() || say('bg_untitledPage', 'Untitled page'), at);
      const result = await deps.startFromIssue(issue, at);
      if (result.outcome === 'needs-task') await startWithNote(result.note, at, issue);
      if (result.outcome === 'signed-out') await deps.tell(signInFirst());
    },
  };
}
