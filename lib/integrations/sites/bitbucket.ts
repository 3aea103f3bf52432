import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText } from '../read';

// Bitbucket Cloud pull requests and issues: `bitbucket_pr_<workspace>/<repo>#<n>` and
// `bitbucket_issue_<workspace>/<repo>#<n>`; keys as Bitbucket writes them, `!n` and `#n`.
// Pull request pages are a React app whose main landmark is `[role="main"]`, not `<main>`.
const ITEM = /^\/([^/]+)\/([^/]+)\/(pull-requests|issues)\/(\d+)/;

function item(page: URL, title: string): IssueFields | null {
  const [path, workspace, repo, kind, n] = ITEM.exec(page.pathname) ?? [];
  if (!path || !workspace || !repo || !n) return null;
  const pr = kind === 'pull-requests';
  return {
    externalId: `bitbucket_${pr ? 'pr' : 'issue'}_${workspace}/${repo}#${n}`,
    key: `${pr ? '!' : '#'}${n}`,
    title,
    url: page.origin + path,
    project: `${workspace}/${repo}`,
  };
}

export const about = { id: 'bitbucket', name: 'Bitbucket', matches: ['https://bitbucket.org/*'], selfHosted: false } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/[^/]+\/[^/]+\/(pull-requests|issues)\/\d+/,
  places: [
    {
      // The pull request header's actions, before its "…" menu.
      name: 'pull-request',
      url: /^\/[^/]+\/[^/]+\/pull-requests\/\d+/,
      anchor: '[role="main"] [data-qa="pr-header-actions-drop-down-menu-styles"]',
      position: 'before',
      read: (anchor, page) => item(page, firstText(anchor.closest('[role="main"]'), 'h1')),
    },
    {
      // The issue's toolbar (server-rendered issue pages).
      name: 'issue',
      url: /^\/[^/]+\/[^/]+\/issues\/\d+/,
      anchor: '#issue-header .issue-toolbar',
      position: 'prepend',
      read: (anchor, page) => item(page, firstText(anchor.ownerDocument, '#issue-title')),
    },
  ],
});
