import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// OpenProject work packages: the full view (`[/projects/<p>]/work_packages/<id>/activity`) and the
// split view beside a list, board, calendar or the notifications (`…/details/<id>/overview`).
// Ids are numbers unique per instance: `openproject_workpackage_<host>[<base path>]/<id>`, key
// `#<id>`. Where the instance uses project-based ids (`DEV-15`), the URL may show that one: then
// the number comes from the info row, "DEV-15 (#123)", and the key is `DEV-15`.
const WP = /\/(?:work_packages|details)\/(\d+|[A-Z][A-Z0-9_]*-\d+)(?:\/(?!copy\/?(?:[?#]|$))[^/?#]*)?\/?(?:[?#]|$)/;
const INFO = /^(?:([A-Z][A-Z0-9_]*-\d+) \()?#(\d+)\)?$/;
const BASE = /^(?:\/[\w.~-]+)*$/;

function workPackage(anchor: Element, page: URL): IssueFields | null {
  const [, shown] = WP.exec(page.pathname + page.search) ?? [];
  const view = anchor.closest('.work-packages--show-view, .work-packages--details');
  if (!shown || !view) return null;
  // The info row names the work package ("#123", or "DEV-15 (#123)").
  const [, semantic, number] = INFO.exec(firstText(view, '.work-packages--info-row > span')) ?? [];
  const id = /^\d+$/.test(shown) ? shown : shown === semantic ? number : undefined;
  if (!id) return null;
  const doc = anchor.ownerDocument;
  const base = (doc.querySelector('meta[name="app_base_path"]')?.getAttribute('content') ?? '').replace(/\/+$/, '');
  if (!BASE.test(base)) return null;
  return {
    externalId: `openproject_workpackage_${page.host}${base}/${id}`,
    key: semantic && number === id ? semantic : `#${id}`,
    title: firstText(view, '.work-packages--subject-type-row .inline-edit--display-field.subject'),
    url: `${page.origin}${base}/work_packages/${id}`,
    // The header's project menu names the current project; outside a project it offers to pick one.
    project: page.pathname.includes('/projects/') ? textOf(doc.querySelector('#projects-menu .op-app-menu--item-title')) || undefined : undefined,
  };
}

export const about = {
  id: 'openproject',
  name: 'OpenProject',
  matches: [],
  selfHosted: true,
  optionalHosts: ['https://*.openproject.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: WP,
  places: [
    // The full view: first in the toolbar beside the subject (create, watch, more).
    { name: 'work-package', url: WP, anchor: '.work-packages--show-view .toolbar-items', position: 'prepend', read: workPackage },
    // The split view: first in its bottom toolbar (watch, more).
    { name: 'split-view', url: WP, anchor: '.work-packages--details .work-packages--details-toolbar', position: 'prepend', read: workPackage },
  ],
});
