import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText } from '../read';

// github.com and GitHub Enterprise Server. External ids: `github_issue_octo/app#12`,
// `github_pr_octo/app#40`; on an Enterprise host `github_issue_ghe.example.com/octo/app#12`.
const ITEM = /^\/([^/]+)\/([^/]+)\/(issues|pull)\/(\d+)/;
const TITLE = '[data-testid="issue-title"], .markdown-title, .js-issue-title, h1 bdi';
const HEADER_ACTIONS = '[data-testid="issue-header"] [data-component="PH_Actions"]';

function issue(page: URL, anchor: Element, owner: string, repo: string, kind: string, number: string): IssueFields {
  const repoPath = `${owner}/${repo}`;
  const scope = page.host === 'github.com' ? '' : `${page.host}/`;
  return {
    externalId: `github_${kind === 'pull' ? 'pr' : 'issue'}_${scope}${repoPath}#${number}`,
    key: `#${number}`,
    // The header the button sits in holds the title; the page's first one is the fallback.
    title: firstText(anchor.parentElement, TITLE) || firstText(anchor.ownerDocument, TITLE),
    url: `${page.origin}/${repoPath}/${kind}/${number}`,
    project: repoPath,
  };
}

function fromPath(anchor: Element, page: URL): IssueFields | null {
  const [, owner, repo, kind, number] = ITEM.exec(page.pathname) ?? [];
  return owner && repo && kind && number ? issue(page, anchor, owner, repo, kind, number) : null;
}

// A Projects item: `?pane=issue&issue=owner|repo|12`; drafts have no issue and get no button.
function fromProjectItem(anchor: Element, page: URL): IssueFields | null {
  const [owner, repo, number, extra] = page.searchParams.get('issue')?.split('|') ?? [];
  if (!owner || !repo || !number || extra !== undefined) return null;
  // The panel's header links to the item: a pull request's link says so.
  const links = anchor.closest('[data-testid="issue-header"]')?.querySelectorAll('a[href]') ?? [];
  const pull = [...links].some((link) => link.getAttribute('href')?.endsWith(`/${repo}/pull/${number}`));
  return issue(page, anchor, owner, repo, pull ? 'pull' : 'issues', number);
}

export const about = { id: 'github', name: 'GitHub', matches: ['https://github.com/*'], selfHosted: true } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/[^/]+\/[^/]+\/(issues|pull)\/\d+|\/projects\/\d+.*[?&]issue=/,
  places: [
    // React issue viewer (github.com), classic header (Enterprise Server).
    { name: 'issue', url: /^\/[^/]+\/[^/]+\/issues\/\d+/, anchor: `${HEADER_ACTIONS}, .gh-header-actions`, position: 'prepend', read: fromPath },
    // The React pull request header, classic header as fallback.
    { name: 'pull-request', url: /^\/[^/]+\/[^/]+\/pull\/\d+/, anchor: '[data-component="PH_Actions"], .gh-header-actions', position: 'prepend', read: fromPath },
    // The item side panel of Projects (orgs and users), which renders the issue viewer.
    { name: 'project-item', url: /\/projects\/\d+.*[?&]issue=/, anchor: HEADER_ACTIONS, position: 'prepend', read: fromProjectItem },
  ],
});
