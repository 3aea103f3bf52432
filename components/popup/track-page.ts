import { browser } from 'wxt/browser';
import { defaultNote } from '@/lib/integrations/note';
import { sendMessage } from '@/lib/messaging/protocol';
import { issueFromAnswer } from '@/lib/messaging/timer-schemas';
import type { IssueRef } from '@/lib/storage/timer';
import type { TaskNode } from '@/lib/tasks/tree';

export interface PageToTrack {
  note: string;
  /** The tracker issue the page shows, when a tracker integration runs there. */
  issue: IssueRef | null;
}

/**
 * "Track this page": the note from the active tab. A tracker page's
 * integration names its issue (`#12 Fix login redirect`, through the note
 * template); any other page gives its title. Null when there is no tab to read.
 */
export async function readActivePage(noteTemplate: string | undefined): Promise<PageToTrack | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab) return null;
  let issue: IssueRef | null = null;
  if (tab.id !== undefined) {
    try {
      // The tab's page answers: only an issue with an http(s) link is taken.
      issue = issueFromAnswer(await sendMessage('readIssue', undefined, tab.id));
    } catch {
      // Most pages have no content script of ours to answer: the title will do.
    }
  }
  if (issue) return { note: defaultNote(issue, noteTemplate), issue };
  const title = tab.title?.trim();
  return title ? { note: title, issue: null } : null;
}

/** The task linked to an issue in TimeCamp (same external id), among the tasks the user may pick. */
export function linkedTask(nodes: readonly TaskNode[], issue: Pick<IssueRef, 'externalId'>): TaskNode | null {
  return nodes.find((node) => node.externalTaskId === issue.externalId) ?? null;
}
