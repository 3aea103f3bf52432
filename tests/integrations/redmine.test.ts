// @vitest-environment happy-dom
import redmine from '@/lib/integrations/sites/redmine';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: redmine,
  view: 'issue page (Redmine 5.0.4)',
  fixture: 'redmine/issue.html',
  url: 'https://redmine.example.org/issues/1',
  issue: {
    externalId: 'redmine_issue_redmine.example.org/1',
    key: '#1',
    title: 'Cart total rounds wrong',
    url: 'https://redmine.example.org/issues/1',
    project: 'Quillworks Shop',
  },
  note: '#1 Cart total rounds wrong',
  container: '#content',
  title: '#content .subject h3',
  next: {
    url: '/issues/2',
    swap(content) {
      content.querySelector('h2')!.textContent = 'Bug #2';
      content.querySelector('.subject h3')!.textContent = 'Refund emails missing';
    },
    issue: { externalId: 'redmine_issue_redmine.example.org/2', key: '#2', title: 'Refund emails missing' },
  },
});

describePagesWithoutIssue(redmine, [
  { view: 'the issue list (Redmine 5.0.4)', fixture: 'redmine/issue-list.html', url: 'https://redmine.example.org/projects/shop/issues' },
]);

describe('Redmine, more cases', () => {
  it('keeps the sub-URI of an instance served under one', async () => {
    expect(await issuesOn(redmine, 'redmine/issue.html', 'https://example.org/redmine/issues/1')).toEqual([
      expect.objectContaining({ externalId: 'redmine_issue_example.org/redmine/1', url: 'https://example.org/redmine/issues/1' }),
    ]);
  });

  it('names a subproject after the last part of the header', async () => {
    const issues = await issuesOn(redmine, 'redmine/issue.html', 'https://redmine.example.org/issues/1', () => {
      const h1 = document.querySelector('#header h1')!;
      h1.replaceChildren('Quillworks » ', Object.assign(document.createElement('a'), { textContent: 'Shop', href: '/projects/shop' }), ' » Checkout');
    });
    expect(issues).toEqual([expect.objectContaining({ project: 'Checkout' })]);
  });

  it('gives the issue list no button even though its URL mentions issues', async () => {
    expect(await issuesOn(redmine, 'redmine/issue-list.html', 'https://redmine.example.org/issues')).toEqual([]);
  });
});
