import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText, linkOf, textOf } from '../read';

// Jira Cloud (`*.atlassian.net`) and Data Center: `jira_issue_acme.atlassian.net/PROJ-7`,
// `jira_issue_jira.example.com/PROJ-7`.
const KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
const CLOUD = 'issue.views.issue-base.foundation';

function issue(page: URL, key: string, link: URL | null, title: string, project: string): IssueFields | null {
  if (!KEY.test(key)) return null;
  return {
    externalId: `jira_issue_${page.host}/${key}`,
    key,
    title,
    // The key's own link keeps a Data Center context path (`/jira/browse/…`).
    url: link?.href ?? `${page.origin}/browse/${key}`,
    project: project || key.split('-')[0],
  };
}

export const about = { id: 'jira', name: 'Jira', matches: ['https://*.atlassian.net/*'], selfHosted: true } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /\/browse\/[A-Z][A-Z0-9_]*-\d+|[?&]selectedIssue=/,
  places: [
    // Cloud: the issue view's breadcrumb key, on the full page and in the board/backlog side panel.
    {
      name: 'issue',
      anchor: `[data-testid="${CLOUD}.breadcrumbs.breadcrumb-current-issue-container"]`,
      position: 'after',
      read(anchor, page) {
        const link = anchor.querySelector('a[href*="/browse/"]');
        // The summary of this view: the side panel's own, else the page's; an input while edited.
        const view = anchor.closest('[data-testid*="issue-layout.compact-layout"], [role="dialog"]') ?? anchor.ownerDocument;
        const title = firstText(view, `[data-testid="${CLOUD}.summary.heading"], #summary`);
        const project = firstText(anchor.parentElement, `[data-testid="${CLOUD}.breadcrumbs.project.container"]`);
        return issue(page, textOf(link), linkOf(link, page), title, project);
      },
    },
    // Data Center: the key in the issue page's header, and in the detail view beside a classic
    // board or backlog (`RapidBoard.jspa?…&selectedIssue=`).
    {
      name: 'server-issue',
      anchor: '.issue-header-content #key-val, #ghx-detail-view .ghx-fieldname-issuekey a',
      position: 'after',
      read(anchor, page) {
        const header = anchor.closest('.issue-header-content, #ghx-detail-view');
        const key = anchor.getAttribute('data-issue-key') ?? textOf(anchor);
        const title = firstText(header, '#summary-val, [data-field-id="summary"]');
        return issue(page, key, linkOf(anchor, page), title, firstText(header, '#project-name-val, .ghx-project'));
      },
    },
  ],
});
