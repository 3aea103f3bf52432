import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { linkOf, textOf } from '../read';

// Plane work items (app.plane.so or a self-hosted Plane). The full page is `/<workspace>/browse/<PROJ>-<n>/`
// (since early 2025; the older `/<workspace>/projects/<projectId>/issues/<issueId>` pages redirect there,
// and named the item only in the document title, `PROJ-12 <name>`). The peek overview over a list or
// board has no URL of its own in current Plane (it is drawn into `#full-screen-portal`); its header links
// (an icon, no text) to the item's browse page. Plane's classes are Tailwind utilities: only ids, links
// and the URL are read. External ids: `plane_issue_<host>/<workspace>/<PROJ>-<n>`.
const KEY = /^[ÇŞĞIİÖÜA-Z0-9]+-\d+$/;
const BROWSE = /^\/([\w-]+)\/browse\/([^/?#]+)\/?$/;
const LEGACY = /^\/([\w-]+)\/projects\/[\da-f-]{36}\/issues\/[\da-f-]{36}\/?$/;
const PAGE = /^\/[\w-]+\/(?:browse\/[^/?#]+|projects\/[\da-f-]{36}\/issues\/[\da-f-]{36})\/?(?:\?|$)/;
const PORTAL = '#full-screen-portal';

function item(page: URL, workspace: string | undefined, key: string | undefined, title: string): IssueFields | null {
  try {
    key = decodeURIComponent(key ?? '');
  } catch {
    return null;
  }
  if (!workspace || !KEY.test(key)) return null;
  return { externalId: `plane_issue_${page.host}/${workspace}/${key}`, key, title, url: `${page.origin}/${workspace}/browse/${key}/` };
}

/** Whether the title belongs to the page's own work item rather than to a peek over it. */
const pageTitle = (anchor: Element, page: URL) => PAGE.test(page.pathname + page.search) && !anchor.closest(PORTAL);

export const about = { id: 'plane', name: 'Plane', matches: [], selfHosted: true, optionalHosts: ['https://app.plane.so/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: PAGE,
  places: [
    {
      // Under the title (a textarea) of the work item's page.
      name: 'work-item',
      anchor: '#title-input',
      position: 'after',
      read(anchor, page) {
        if (!pageTitle(anchor, page)) return null;
        const [, workspace, key] = BROWSE.exec(page.pathname) ?? LEGACY.exec(page.pathname) ?? [];
        return item(page, workspace, key ?? anchor.ownerDocument.title.split(' ')[0], textOf(anchor));
      },
    },
    {
      // Under the title in the peek overview (side peek, modal or full screen) opened from a list or board.
      name: 'peek',
      anchor: '#title-input',
      position: 'after',
      read(anchor, page) {
        if (pageTitle(anchor, page)) return null;
        // The nearest link to a browse page without text is the header's "open in full screen" (the
        // parent work item's link above the title, and a list's rows, show a key and a name).
        for (let at = anchor.parentElement; at; at = at.parentElement) {
          for (const link of at.querySelectorAll('a[href*="/browse/"]')) {
            const to = textOf(link) ? null : linkOf(link, page);
            const [, workspace, key] = (to?.origin === page.origin && BROWSE.exec(to.pathname)) || [];
            if (key) return item(page, workspace, key, textOf(anchor));
          }
        }
        return null;
      },
    },
  ],
});
