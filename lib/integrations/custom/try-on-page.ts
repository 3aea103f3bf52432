import type { CustomIntegration } from '@/lib/storage/domains';
import type { IssueRef } from '@/lib/storage/timer';
import { onDomain } from '../domain';
import { CUSTOM } from './id';
import { readCustomIssue } from './site';
import { customIntegrationProblems, type CustomIntegrationProblems } from './validate';

/** What a custom integration finds on a page, for the options page's "Test on current tab". */
export interface CustomIntegrationTrial {
  /** Per-field problems (the options page words them); when there are any, nothing else was tried. */
  errors: CustomIntegrationProblems;
  /** The page is on the integration's domain. */
  onDomain: boolean;
  /** The page's path and query match `pathPattern`. */
  pathMatches: boolean;
  /** Elements the anchor selector matches on the page now. */
  anchors: number;
  /** The issue the first of them shows, as a press would start it; null when none does. */
  issue: IssueRef | null;
}

/**
 * Tries a custom integration (saved or not) on this page without placing anything: the answer a
 * content script gives to the options page's `testCustomIntegration` message.
 */
export function tryCustomIntegration(data: unknown, doc: Document = document): CustomIntegrationTrial {
  const errors = customIntegrationProblems(data);
  const page = new URL(doc.location.href);
  const trial: CustomIntegrationTrial = { errors, onDomain: false, pathMatches: false, anchors: 0, issue: null };
  if (Object.keys(errors).length) return trial;
  const item = data as CustomIntegration;
  trial.onDomain = onDomain(item.domain.trim(), page);
  trial.pathMatches = new RegExp(item.pathPattern.trim()).test(page.pathname + page.search);
  const anchors = [...doc.querySelectorAll(item.anchor.trim())];
  trial.anchors = anchors.length;
  for (const anchor of anchors) {
    const fields = readCustomIssue(item, anchor, page);
    if (fields) return { ...trial, issue: { integration: CUSTOM, ...fields } };
  }
  return trial;
}
