// @vitest-environment happy-dom
import github from '@/lib/integrations/sites/github';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: github,
  view: 'issue page',
  fixture: 'github/issue.html',
  url: 'https://github.com/octo/hello-world/issues/12',
  issue: {
    externalId: 'github_issue_octo/hello-world#12',
    key: '#12',
    title: 'Fix login redirect after sign-in',
    url: 'https://github.com/octo/hello-world/issues/12',
    project: 'octo/hello-world',
  },
  note: '#12 Fix login redirect after sign-in',
  container: '[data-testid="issue-viewer-container"]',
  title: '[data-testid="issue-title"]',
  next: {
    url: '/octo/hello-world/issues/13',
    swap: (viewer) => (viewer.querySelector('[data-testid="issue-title"]')!.textContent = 'Document the sign-in flow'),
    issue: { externalId: 'github_issue_octo/hello-world#13', key: '#13', title: 'Document the sign-in flow' },
  },
});

describeView({
  integration: github,
  view: 'pull request page',
  fixture: 'github/pull-request.html',
  url: 'https://github.com/octo/hello-world/pull/40',
  issue: {
    externalId: 'github_pr_octo/hello-world#40',
    key: '#40',
    title: 'Add rate limiting to sign-in',
    url: 'https://github.com/octo/hello-world/pull/40',
    project: 'octo/hello-world',
  },
  note: '#40 Add rate limiting to sign-in',
  container: '[class^="PullRequestHeader-module__header"]',
  title: 'h1[data-component="PH_Title"] .markdown-title',
  next: {
    url: '/octo/hello-world/pull/41',
    swap: (header) => (header.querySelector('.markdown-title')!.textContent = 'Bump dependencies'),
    issue: { externalId: 'github_pr_octo/hello-world#41', key: '#41', title: 'Bump dependencies' },
  },
});

describeView({
  integration: github,
  view: 'Projects item side panel',
  fixture: 'github/project-item.html',
  url: 'https://github.com/orgs/octo/projects/3/views/1?pane=issue&itemId=9001&issue=octo%7Chello-world%7C21',
  issue: {
    externalId: 'github_issue_octo/hello-world#21',
    key: '#21',
    title: 'Cache avatars on the profile page',
    url: 'https://github.com/octo/hello-world/issues/21',
    project: 'octo/hello-world',
  },
  note: '#21 Cache avatars on the profile page',
  container: '[role="dialog"]',
  title: '[role="dialog"] [data-testid="issue-title"]',
  next: {
    url: '/orgs/octo/projects/3/views/1?pane=issue&itemId=9002&issue=octo%7Chello-world%7C22',
    swap(panel) {
      panel.querySelector('[data-testid="issue-title"]')!.textContent = 'Retry failed webhooks';
      panel.querySelector('[data-testid="issue-header"] a')!.setAttribute('href', '/octo/hello-world/issues/22');
    },
    issue: { externalId: 'github_issue_octo/hello-world#22', key: '#22', title: 'Retry failed webhooks' },
  },
});

describePagesWithoutIssue(github, [
  { view: 'a repository home', fixture: 'github/repo-home.html', url: 'https://github.com/octo/hello-world' },
  { view: 'a project board without an open item', fixture: 'github/project-board.html', url: 'https://github.com/orgs/octo/projects/3/views/1' },
]);

describe('GitHub, more cases', () => {
  it('scopes ids to the host on GitHub Enterprise Server', async () => {
    expect(await issuesOn(github, 'github/issue.html', 'https://ghe.example.com/octo/hello-world/issues/12')).toEqual([
      expect.objectContaining({ externalId: 'github_issue_ghe.example.com/octo/hello-world#12', url: 'https://ghe.example.com/octo/hello-world/issues/12' }),
    ]);
  });

  it('gives a draft item of a project (no issue number) no button', async () => {
    const draft = 'https://github.com/orgs/octo/projects/3/views/1?pane=issue&itemId=9003';
    expect(await issuesOn(github, 'github/project-item.html', draft)).toEqual([]);
  });

  it('knows a pull request opened in a project panel by its link', async () => {
    const url = 'https://github.com/orgs/octo/projects/3/views/1?pane=issue&itemId=9004&issue=octo%7Chello-world%7C40';
    const issues = await issuesOn(github, 'github/project-item.html', url, () =>
      document.querySelector('[data-testid="issue-header"] a')!.setAttribute('href', '/octo/hello-world/pull/40'),
    );
    expect(issues).toEqual([expect.objectContaining({ externalId: 'github_pr_octo/hello-world#40', key: '#40', url: 'https://github.com/octo/hello-world/pull/40' })]);
  });
});
