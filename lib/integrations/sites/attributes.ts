import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { textOf, urlOf } from '../read';

// Any web app that marks its own pages up for TimeCamp (the `data-timecamp-*` contract in
// ../README.md), on the domains the user turned it on for: `attributes_<host>/<issue id>`.

function read(anchor: Element, page: URL): IssueFields | null {
  const data = (name: string) => anchor.getAttribute(`data-timecamp-${name}`)?.trim() ?? '';
  const id = data('issue-id');
  if (!id) return null;
  const link = urlOf(data('url'), page);
  return {
    externalId: `attributes_${page.host}/${id}`,
    key: data('issue-key') || `#${id}`,
    title: data('issue-title') || textOf(anchor),
    // Only a web address: never a `javascript:` URL into a note or a task.
    url: link && /^https?:$/.test(link.protocol) ? link.href : page.href.replace(/#.*$/, ''),
    project: data('project') || undefined,
  };
}

export const about = { id: 'attributes', name: 'Other web apps', matches: [], selfHosted: true } satisfies SiteInfo;

// One place per `data-timecamp-position`; a missing or unknown one means inside. Spelled out
// rather than generated so that bundles reading only `about` drop them.
export default defineIntegration(about, {
  // Nothing is expected of a page: one without marked issues is not a broken one.
  issuePages: /(?!)/,
  places: [
    { name: 'after', anchor: '[data-timecamp-issue-id][data-timecamp-position=after]', position: 'after', read },
    { name: 'before', anchor: '[data-timecamp-issue-id][data-timecamp-position=before]', position: 'before', read },
    { name: 'prepend', anchor: '[data-timecamp-issue-id][data-timecamp-position=prepend]', position: 'prepend', read },
    {
      name: 'inside',
      anchor: '[data-timecamp-issue-id]:not([data-timecamp-position=after]):not([data-timecamp-position=before]):not([data-timecamp-position=prepend])',
      position: 'inside',
      read,
    },
  ],
});
