// @vitest-environment happy-dom
import linear from '@/lib/integrations/sites/linear';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: linear,
  view: 'issue view',
  fixture: 'linear/issue.html',
  url: 'https://linear.app/acme/issue/ENG-123/crash-when-saving-a-draft-offline',
  issue: {
    externalId: 'linear_issue_acme/ENG-123',
    key: 'ENG-123',
    title: 'Crash when saving a draft offline',
    url: 'https://linear.app/acme/issue/ENG-123',
    project: 'Mobile app',
  },
  note: 'ENG-123 Crash when saving a draft offline',
  container: '[data-view-id="issue-view"]',
  title: '[aria-label="Issue title"]',
  next: {
    url: '/acme/issue/ENG-124/sync-stalls-on-large-attachments',
    swap: (view) => (view.querySelector('[aria-label="Issue title"]')!.textContent = 'Sync stalls on large attachments'),
    issue: { externalId: 'linear_issue_acme/ENG-124', key: 'ENG-124', title: 'Sync stalls on large attachments' },
  },
});

describePagesWithoutIssue(linear, [{ view: 'a team issue list', fixture: 'linear/issue-list.html', url: 'https://linear.app/acme/team/ENG/active' }]);

describe('Linear, more cases', () => {
  it('needs no slug, and leaves the project out when the issue has none', async () => {
    const issues = await issuesOn(linear, 'linear/issue.html', 'https://linear.app/acme/issue/ENG-123', () =>
      document.querySelector('svg[aria-label="Project"]')!.parentElement!.remove(),
    );
    expect(issues).toEqual([{ integration: 'linear', externalId: 'linear_issue_acme/ENG-123', key: 'ENG-123', title: 'Crash when saving a draft offline', url: 'https://linear.app/acme/issue/ENG-123' }]);
  });

  it('reads the project from the properties column beside the view, again at click time', async () => {
    const issues = await issuesOn(linear, 'linear/issue.html', 'https://linear.app/acme/issue/ENG-123', () => {
      // The view holds no project of its own: the name is only in the column beside it.
      expect(document.querySelector('[data-view-id="issue-view"] svg[aria-label="Project"]')).toBeNull();
      document.querySelector('svg[aria-label="Project"]')!.nextElementSibling!.textContent = 'Web app';
    });
    expect(issues).toEqual([expect.objectContaining({ project: 'Web app' })]);
  });

  it('takes no project icon from inside the view itself', async () => {
    const issues = await issuesOn(linear, 'linear/issue.html', 'https://linear.app/acme/issue/ENG-123', () => {
      document.querySelector('svg[aria-label="Project"]')!.parentElement!.remove();
      document.querySelector('[aria-label="Issue description"]')!.insertAdjacentHTML('beforeend', '<p><svg aria-label="Project"></svg><span>Mentioned project</span></p>');
    });
    expect(issues).toEqual([expect.not.objectContaining({ project: expect.anything() })]);
  });

  it('scopes keys to the workspace', async () => {
    expect(await issuesOn(linear, 'linear/issue.html', 'https://linear.app/globex/issue/ENG-123/x')).toEqual([
      expect.objectContaining({ externalId: 'linear_issue_globex/ENG-123' }),
    ]);
  });
});
