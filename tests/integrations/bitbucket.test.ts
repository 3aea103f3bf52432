// @vitest-environment happy-dom
import bitbucket from '@/lib/integrations/sites/bitbucket';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: bitbucket,
  view: 'pull request page',
  fixture: 'bitbucket/pull-request.html',
  url: 'https://bitbucket.org/acme/web-shop/pull-requests/42',
  issue: {
    externalId: 'bitbucket_pr_acme/web-shop#42',
    key: '!42',
    title: 'Cache product images on the CDN',
    url: 'https://bitbucket.org/acme/web-shop/pull-requests/42',
    project: 'acme/web-shop',
  },
  note: '!42 Cache product images on the CDN',
  container: '[data-qa="pr-header-page-header-wrapper"]',
  title: '[role="main"] h1',
  next: {
    url: '/acme/web-shop/pull-requests/43/diff',
    swap: (header) => (header.querySelector('h1')!.textContent = 'Drop the legacy image proxy'),
    issue: { externalId: 'bitbucket_pr_acme/web-shop#43', key: '!43', title: 'Drop the legacy image proxy' },
  },
});

describeView({
  integration: bitbucket,
  view: 'issue page',
  fixture: 'bitbucket/issue.html',
  url: 'https://bitbucket.org/acme/web-shop/issues/7',
  issue: {
    externalId: 'bitbucket_issue_acme/web-shop#7',
    key: '#7',
    title: 'Prices show without VAT',
    url: 'https://bitbucket.org/acme/web-shop/issues/7',
    project: 'acme/web-shop',
  },
  note: '#7 Prices show without VAT',
  container: '#issue-header',
  title: '#issue-title',
  next: {
    url: '/acme/web-shop/issues/8/shipping-costs-missing',
    swap: (header) => (header.querySelector('#issue-title')!.textContent = 'Shipping costs missing'),
    issue: { externalId: 'bitbucket_issue_acme/web-shop#8', key: '#8', title: 'Shipping costs missing' },
  },
});

describePagesWithoutIssue(bitbucket, [
  { view: 'the pull request list', fixture: 'bitbucket/pull-request-list.html', url: 'https://bitbucket.org/acme/web-shop/pull-requests/' },
]);

describe('Bitbucket, more cases', () => {
  it('keeps pull requests and issues of the same number apart', async () => {
    const [pr] = await issuesOn(bitbucket, 'bitbucket/pull-request.html', 'https://bitbucket.org/acme/web-shop/pull-requests/7');
    const [issue] = await issuesOn(bitbucket, 'bitbucket/issue.html', 'https://bitbucket.org/acme/web-shop/issues/7');
    expect([pr?.externalId, issue?.externalId]).toEqual(['bitbucket_pr_acme/web-shop#7', 'bitbucket_issue_acme/web-shop#7']);
  });
});
