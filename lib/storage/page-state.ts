import type { RunningTimer } from './timer';

/** The running timer as a button needs it: whose issue or task it is, its name, and its key for Stop. */
export interface PageTimer extends Pick<RunningTimer, 'externalTaskId' | 'taskName' | 'startedAt'> {
  /** `timerKey` of the running timer: a Stop carries it (lib/storage/timer.ts). */
  key: string;
  source: { externalId: string } | null;
}

/**
 * Everything a tracker page's button may know, and nothing more: published by
 * the background into `storage.local` (which content scripts can read, and a
 * compromised page could write), never read back by it as truth. The token,
 * the account, the queue, the task tree and the day's entries stay in
 * extension-only storage (lib/storage/trusted.ts).
 */
export interface PageState {
  signedIn: boolean;
  timer: PageTimer | null;
  /** Time tracked per issue (by external id), in seconds. */
  issueTimes: Record<string, { totalSeconds: number }>;
  /** Integrations the user switched off. */
  disabledIntegrations: string[];
}

export const EMPTY_PAGE_STATE: PageState = { signedIn: false, timer: null, issueTimes: {}, disabledIntegrations: [] };

/**
 * `storage.local` key of the projection. Content scripts read it by this key (lib/integrations/stored.ts):
 * this module must stay free of the storage library, which alone would cost a quarter of a tracker
 * page's budget. The item itself is defined where the background writes it (publish-page-state.ts).
 */
export const PAGE_STATE_KEY = 'pageState';
