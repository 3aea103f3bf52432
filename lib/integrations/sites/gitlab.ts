import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText, linkOf, textOf } from '../read';

// gitlab.com and self-managed instances, always with the host (a sub-path install keeps its
// prefix): `gitlab_issue_gitlab.com/group/app#5`, `gitlab_mr_gitlab.example.com/group/app!3`.
// Issues, tasks and incidents share a project's `#` numbers, so all of them are `issue`.
const ITEM = /^\/(.+?)\/-\/(issues|work_items|merge_requests)\/(?:incident\/)?(\d+)/;
const TITLE = '[data-testid="work-item-title"]';
// What holds a drawer's or side panel's reference link and the item's title (the side panel keeps
// the link in its header, outside `.work-item-view`).
const PANEL = '[data-testid="work-item-drawer"], [data-testid="work-item-detail-panel"], .work-item-view';

function item(url: URL | null, title: string): IssueFields | null {
  const [path, project, type, iid] = (url && ITEM.exec(url.pathname)) ?? [];
  if (!url || !path || !project || !iid) return null;
  const [kind, sign] = type === 'merge_requests' ? ['mr', '!'] : ['issue', '#'];
  return {
    externalId: `gitlab_${kind}_${url.host}/${project}${sign}${iid}`,
    key: `${sign}${iid}`,
    title,
    url: url.origin + path,
    project,
  };
}

export const about = { id: 'gitlab', name: 'GitLab', matches: ['https://gitlab.com/*'], selfHosted: true } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /\/-\/(issues|work_items|merge_requests)\/(incident\/)?\d+|[?&]show=/,
  places: [
    // The work item view of an issue page (`/-/issues/5` and `/-/work_items/5`): after "Created by …".
    {
      name: 'issue',
      url: /\/-\/(issues|work_items)\/(incident\/)?\d+/,
      anchor: '[data-testid="work-item-created"]',
      position: 'after',
      read: (anchor, page) => item(page, firstText(anchor.closest('.work-item-view') ?? anchor.ownerDocument, TITLE)),
    },
    // The title of a merge request, and of the legacy issue page (self-managed GitLab before 17.11,
    // which has no work item view): after the title.
    {
      name: 'title',
      url: /\/-\/(issues|merge_requests)\/(incident\/)?\d+/,
      anchor: '[data-testid="title-content"], h1[data-testid="issue-title"]',
      position: 'after',
      read: (anchor, page) => item(page, textOf(anchor)),
    },
    // The drawer or side panel that boards and lists open (`?show=…`): its reference link names the item.
    {
      name: 'drawer',
      anchor: '[data-testid="work-item-drawer-ref-link"], [data-testid="work-item-detail-panel-ref-link"]',
      position: 'after',
      read: (anchor, page) => item(linkOf(anchor, page), firstText(anchor.closest(PANEL), TITLE)),
    },
  ],
});
