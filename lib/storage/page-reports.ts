import { storage } from 'wxt/utils/storage';

/** One integration's content script ran on a page of a tab. */
export interface PageReport {
  integration: string;
  url: string;
  issuePage?: boolean;
  externalIds?: string[];
  /** When the background heard of it, in ms since the epoch. */
  at: number;
}

/** Keyed by tab id (storage keys are strings); one report per integration, the latest wins. */
export type PageReportsByTab = Record<string, PageReport[]>;

/**
 * Session storage: a tab id means nothing after the browser restarts, so the
 * record must not outlive the session. Only the extension's own pages and the
 * background can read it (content scripts have no access to `storage.session`
 * by default).
 */
export const pageReports = storage.defineItem<PageReportsByTab>('session:pageReports', {
  fallback: {},
});

// Reports from several tabs can arrive at once; each update reads and writes
// the whole item, so updates run one after another or one would overwrite another.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(update: () => Promise<T>): Promise<T> {
  const next = queue.then(update, update);
  queue = next.catch(() => undefined);
  return next;
}

export function recordPageReport(tabId: number, report: PageReport): Promise<void> {
  return serialized(async () => {
    const all = await pageReports.getValue();
    const others = (all[tabId] ?? []).filter((r) => r.integration !== report.integration);
    await pageReports.setValue({ ...all, [tabId]: [...others, report] });
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serialized(async () => {
    const all = await pageReports.getValue();
    if (!(tabId in all)) return;
    const { [tabId]: _closed, ...rest } = all;
    await pageReports.setValue(rest);
  });
}
