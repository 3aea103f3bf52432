import type { CustomIntegration } from '@/lib/storage/domains';
import type { Integration, IssueFields } from '../define';
import { onDomain } from '../domain';
import { nearest, textOf } from '../read';
import { CUSTOM } from './id';
import { isValidCustomIntegration } from './validate';

/**
 * The issue an anchor of a custom integration shows: the title and key are the texts of the
 * matches of their selectors nearest to the anchor (the page's own on an issue page, the row's
 * in a list); without a key selector the key is the last number in the path, `#12`.
 * External id: `custom_<integration id>_<host>/<key>`.
 */
export function readCustomIssue(item: CustomIntegration, anchor: Element, page: URL): IssueFields | null {
  const keySelector = item.key?.trim();
  const number = /(\d+)\D*$/.exec(page.pathname)?.[1];
  const key = keySelector ? textOf(nearest(anchor, keySelector)) : number ? `#${number}` : '';
  if (!key) return null;
  return {
    externalId: `${CUSTOM}_${item.id}_${page.host}/${key}`,
    key,
    title: textOf(nearest(anchor, item.title.trim())),
    url: page.href.replace(/#.*$/, ''),
    project: item.name.trim(),
  };
}

/** A custom integration as the framework runs it: data only, no code from storage. */
export function customSite(item: CustomIntegration): Integration {
  const pages = new RegExp(item.pathPattern.trim());
  return {
    id: CUSTOM,
    name: item.name,
    matches: [],
    selfHosted: true,
    issuePages: pages,
    places: [{ name: item.id, url: pages, anchor: item.anchor.trim(), position: item.position, read: (anchor, page) => readCustomIssue(item, anchor, page) }],
  };
}

/** The valid custom integrations (as storage holds them, whatever that is) for a page's domain. */
export function customSitesFor(items: unknown, page: URL): Integration[] {
  const valid = (Array.isArray(items) ? items : []).filter(isValidCustomIntegration);
  return valid.filter((item) => onDomain(item.domain.trim(), page)).map(customSite);
}
