// @vitest-environment happy-dom
import gitea from '@/lib/integrations/sites/gitea';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

// Gitea's heading: the title, then its `#n` badge.
const heading = (h1: Element, title: string, n: number) =>
  h1.replaceChildren(`${title} `, Object.assign(h1.ownerDocument.createElement('span'), { className: 'index', textContent: `#${n}` }));

describeView({
  integration: gitea,
  view: 'issue page (self-hosted Gitea)',
  fixture: 'gitea/issue.html',
  url: 'https://gitea.example.com/acme/web-shop/issues/5',
  issue: {
    externalId: 'gitea_issue_gitea.example.com/acme/web-shop#5',
    key: '#5',
    title: 'Orders export times out',
    url: 'https://gitea.example.com/acme/web-shop/issues/5',
    project: 'acme/web-shop',
  },
  note: '#5 Orders export times out',
  container: '.issue-title-header',
  title: '#issue-title-display h1',
  next: {
    url: '/acme/web-shop/issues/6',
    swap: (header) => heading(header.querySelector('h1')!, 'Invoices miss the VAT id', 6),
    issue: { externalId: 'gitea_issue_gitea.example.com/acme/web-shop#6', key: '#6', title: 'Invoices miss the VAT id' },
  },
});

describeView({
  integration: gitea,
  view: 'pull request page (Forgejo on codeberg.org)',
  fixture: 'gitea/forgejo-pull.html',
  url: 'https://codeberg.org/acme/web-shop/pulls/8',
  issue: {
    externalId: 'gitea_pr_codeberg.org/acme/web-shop#8',
    key: '#8',
    title: 'Stream large exports',
    url: 'https://codeberg.org/acme/web-shop/pulls/8',
    project: 'acme/web-shop',
  },
  note: '#8 Stream large exports',
  container: '.issue-title-header',
  title: '#issue-title-display h1',
  next: {
    url: '/acme/web-shop/pulls/9/files',
    swap: (header) => heading(header.querySelector('h1')!, 'Retry failed uploads', 9),
    issue: { externalId: 'gitea_pr_codeberg.org/acme/web-shop#9', key: '#9', title: 'Retry failed uploads' },
  },
});

describePagesWithoutIssue(gitea, [{ view: 'the issue list', fixture: 'gitea/issue-list.html', url: 'https://gitea.example.com/acme/web-shop/issues' }]);

describe('Gitea, more cases', () => {
  it('keeps the sub-path of an instance served under one', async () => {
    expect(await issuesOn(gitea, 'gitea/issue.html', 'https://example.com/git/acme/web-shop/issues/5')).toEqual([
      expect.objectContaining({ externalId: 'gitea_issue_example.com/git/acme/web-shop#5', url: 'https://example.com/git/acme/web-shop/issues/5' }),
    ]);
  });

  it('keeps a title that itself ends in a number', async () => {
    const issues = await issuesOn(gitea, 'gitea/issue.html', 'https://gitea.example.com/acme/web-shop/issues/5', () =>
      heading(document.querySelector('h1')!, 'Follow-up to #4', 5),
    );
    expect(issues).toEqual([expect.objectContaining({ title: 'Follow-up to #4' })]);
  });
});
