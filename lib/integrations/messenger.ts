import { onMessage, sendMessage, type ButtonStartResult, type IssuePress } from '@/lib/messaging/protocol';
import type { IssueRef } from '@/lib/storage/timer';

/** What a content script found on one page visit, for the background's page reports. */
export interface PageFinding {
  integration: string;
  url: string;
  /** The URL is one of the integration's issue pages, so a button was expected. */
  issuePage: boolean;
  /** The issues that got a button; empty on an issue page means the site changed under us. */
  externalIds: string[];
}

/**
 * The messages the in-page buttons send. Injected, so tests (and other hosts) can answer them.
 * Nothing here carries a task's name: searching and starting on a picked task is the picker
 * frame's own conversation with the background.
 */
export interface Messenger {
  /** The press: its issue, and the id of the button's picker frame when it loaded before the press (it then gets the session itself). */
  startFromIssue(press: IssuePress): Promise<ButtonStartResult>;
  /** `timer`: the key of the timer the button showed, which alone may stop. */
  stopTimer(request: { timer: string }): Promise<void>;
  reportPage(finding: PageFinding): Promise<void>;
  /** Lets the background ask for the issue on this page (keyboard shortcut, context menu); returns the undo. */
  onReadIssue(answer: () => IssueRef | null): () => void;
}

/** The messenger of the extension's content scripts: the background answers. */
export const extensionMessenger: Messenger = {
  startFromIssue: (press) => sendMessage('startFromIssue', press),
  stopTimer: (request) => sendMessage('stopTimer', request),
  reportPage: (finding) => sendMessage('reportPage', finding),
  onReadIssue: (answer) => onMessage('readIssue', answer),
};
