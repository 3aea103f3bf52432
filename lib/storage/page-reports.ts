import { storage } from 'wxt/utils/storage';
import { updateItem } from './update-item';

/** One integration's content script ran on a page of a tab. */
export interface PageReport {
  integration: string;
  url: string;
  /** The tab's title as the browser gave it with the report (the page cannot set it here). */
  title?: string;
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

export function recordPageReport(tabId: number, report: PageReport): Promise<void> {
  return updateItem(pageReports, (all) => {
    const others = (all[tabId] ?? []).filter((r) => r.integration !== report.integration);
    return { ...all, [tabId]: [...others, report] };
  }).then(() => undefined);
}

export async function forgetTab(tabId: number): Promise<void> {
  if (!(tabId in (await pageReports.getValue()))) return;
  await updateItem(pageReports, (all) => {
    const { [tabId]: _closed, ...rest } = all;
    return rest;
  });
}
