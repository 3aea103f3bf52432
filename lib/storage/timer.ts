
import { defineTrustedItem } from './trusted';
/** The issue a timer was started from, as an integration read it from the tracker's page. */
export interface IssueRef {
  /** Integration id, e.g. `github`, `jira`. */
  integration: string;
  /** The TimeCamp `external_task_id` this issue maps to, e.g. `github_issue_octo/repo#12`. */
  externalId: string;
  /** The issue's own key as people say it: `#12`, `PROJ-7`. */
  key: string;
  title: string;
  url: string;
  project?: string;
}

/** The running timer as this browser knows it; the server stays the truth and sync corrects this. */
export interface RunningTimer {
  /** Null until TimeCamp confirmed the start (for example while offline). */
  timerId: number | null;
  entryId: number | null;
  taskId: number | null;
  /** For display without the task tree: the task's name, and its path when known (`Client › Project › Task`). */
  taskName: string;
  taskPath: string;
  /** The task's `external_task_id`, so a tracker's button can tell it is this issue's timer. */
  externalTaskId: string | null;
  note: string;
  billable: boolean;
  /** The moment it started (epoch ms), as clicked; never the moment the request went out. */
  startedAt: number;
  source: IssueRef | null;
  /** Started in this browser; false when sync found it running (TimeCamp's web app, another browser). */
  startedHere: boolean;
  /** The queued start action this timer came from, while TimeCamp has not confirmed it; null once confirmed or when TimeCamp reported it. */
  startId: string | null;
  /** Names this timer for its whole life here, before and after TimeCamp confirms it (see `timerKey`). */
  key?: string;
}

/** Null while no timer runs. Every view and in-page button renders from this item. */
export const runningTimer = defineTrustedItem<RunningTimer | null>('timer', { fallback: null });

/** The last timer started here: what the keyboard shortcut and the context menu start again. */
export interface LastTimer {
  taskId: number;
  note: string;
  billable?: boolean;
}

export const lastTimer = defineTrustedItem<LastTimer | null>('lastTimer', { fallback: null });

/**
 * Which timer this is, as a button that showed it can name it: its start
 * action while TimeCamp has not confirmed it, else TimeCamp's timer id. A
 * Stop carrying it never stops a timer started since.
 */
export function timerKey(timer: Pick<RunningTimer, 'startId' | 'timerId' | 'key'>): string {
  return timer.key ?? (timer.startId !== null ? `start:${timer.startId}` : `timer:${timer.timerId}`);
}
