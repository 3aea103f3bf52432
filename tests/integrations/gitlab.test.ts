// @vitest-environment happy-dom
import gitlab from '@/lib/integrations/sites/gitlab';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: gitlab,
  view: 'issue page on a self-managed instance',
  fixture: 'gitlab/issue.html',
  url: 'https://gitlab.example.com/group/app/-/issues/5',
  issue: {
    externalId: 'gitlab_issue_gitlab.example.com/group/app#5',
    key: '#5',
    title: 'Export to CSV drops the last row',
    url: 'https://gitlab.example.com/group/app/-/issues/5',
    project: 'group/app',
  },
  note: '#5 Export to CSV drops the last row',
  container: '.work-item-view',
  title: '[data-testid="work-item-title"]',
  next: {
    // gitlab.com moved issue links to /-/work_items/; both are the same item space.
    url: '/group/app/-/work_items/6',
    swap: (view) => (view.querySelector('[data-testid="work-item-title"]')!.textContent = 'Import skips empty lines'),
    issue: { externalId: 'gitlab_issue_gitlab.example.com/group/app#6', key: '#6', title: 'Import skips empty lines' },
  },
});

describeView({
  integration: gitlab,
  view: 'legacy issue page (self-managed before 17.11)',
  fixture: 'gitlab/legacy-issue.html',
  url: 'https://gitlab.example.com/group/app/-/issues/5',
  issue: {
    externalId: 'gitlab_issue_gitlab.example.com/group/app#5',
    key: '#5',
    title: 'Export to CSV drops the last row',
    url: 'https://gitlab.example.com/group/app/-/issues/5',
    project: 'group/app',
  },
  note: '#5 Export to CSV drops the last row',
  container: '.detail-page-description',
  title: 'h1[data-testid="issue-title"]',
  next: {
    url: '/group/app/-/issues/6',
    swap: (description) => (description.querySelector('[data-testid="issue-title"]')!.textContent = 'Import skips empty lines'),
    issue: { externalId: 'gitlab_issue_gitlab.example.com/group/app#6', key: '#6', title: 'Import skips empty lines' },
  },
});

describeView({
  integration: gitlab,
  view: 'merge request page',
  fixture: 'gitlab/merge-request.html',
  url: 'https://gitlab.com/group/app/-/merge_requests/3',
  issue: {
    externalId: 'gitlab_mr_gitlab.com/group/app!3',
    key: '!3',
    title: 'Stream CSV exports',
    url: 'https://gitlab.com/group/app/-/merge_requests/3',
    project: 'group/app',
  },
  note: '!3 Stream CSV exports',
  container: '.detail-page-description',
  title: '[data-testid="title-content"]',
  next: {
    url: '/group/app/-/merge_requests/4/diffs',
    swap: (description) => (description.querySelector('[data-testid="title-content"]')!.textContent = 'Drop the legacy exporter'),
    issue: { externalId: 'gitlab_mr_gitlab.com/group/app!4', key: '!4', title: 'Drop the legacy exporter' },
  },
});

describeView({
  integration: gitlab,
  view: 'issue board card drawer',
  fixture: 'gitlab/board-drawer.html',
  url: 'https://gitlab.com/group/app/-/boards/1?show=eyJpaWQiOiI3MjUiLCJmdWxsX3BhdGgiOiJncm91cC9hcHAifQ%3D%3D',
  issue: {
    externalId: 'gitlab_issue_gitlab.com/group/app#725',
    key: '#725',
    title: 'Paginate the audit log',
    url: 'https://gitlab.com/group/app/-/work_items/725',
    project: 'group/app',
  },
  note: '#725 Paginate the audit log',
  container: '[data-testid="work-item-drawer"]',
  title: '[data-testid="work-item-drawer"] [data-testid="work-item-title"]',
  next: {
    url: '/group/app/-/boards/1?show=eyJpaWQiOiI3MjYiLCJmdWxsX3BhdGgiOiJncm91cC9hcHAifQ%3D%3D',
    swap(drawer) {
      const ref = drawer.querySelector('[data-testid="work-item-drawer-ref-link"]')!;
      ref.setAttribute('href', 'https://gitlab.com/group/app/-/work_items/726');
      ref.textContent = 'app#726';
      drawer.querySelector('[data-testid="work-item-title"]')!.textContent = 'Remember the chosen locale';
    },
    issue: { externalId: 'gitlab_issue_gitlab.com/group/app#726', key: '#726', title: 'Remember the chosen locale' },
  },
});

describeView({
  integration: gitlab,
  view: 'work item side panel on an issue list',
  fixture: 'gitlab/list-panel.html',
  url: 'https://gitlab.com/group/app/-/issues?show=eyJpaWQiOiI3MjUiLCJmdWxsX3BhdGgiOiJncm91cC9hcHAiLCJpZCI6MTcyNX0%3D',
  issue: {
    externalId: 'gitlab_issue_gitlab.com/group/app#725',
    key: '#725',
    title: 'Paginate the audit log',
    url: 'https://gitlab.com/group/app/-/work_items/725',
    project: 'group/app',
  },
  note: '#725 Paginate the audit log',
  container: '[data-testid="work-item-detail-panel"]',
  title: '[data-testid="work-item-detail-panel"] [data-testid="work-item-title"]',
  next: {
    url: '/group/app/-/issues?show=eyJpaWQiOiI3MjYiLCJmdWxsX3BhdGgiOiJncm91cC9hcHAiLCJpZCI6MTcyNn0%3D',
    swap(panel) {
      const ref = panel.querySelector('[data-testid="work-item-detail-panel-ref-link"]')!;
      ref.setAttribute('href', '/group/app/-/work_items/726');
      ref.textContent = 'app#726';
      panel.querySelector('[data-testid="work-item-title"]')!.textContent = 'Remember the chosen locale';
    },
    issue: { externalId: 'gitlab_issue_gitlab.com/group/app#726', key: '#726', title: 'Remember the chosen locale' },
  },
});

describePagesWithoutIssue(gitlab, [
  { view: 'a board without an open card', fixture: 'gitlab/board.html', url: 'https://gitlab.com/group/app/-/boards/1' },
]);

describe('GitLab, more cases', () => {
  it('treats /-/work_items/ and /-/issues/ as the same item on gitlab.com', async () => {
    const [workItem] = await issuesOn(gitlab, 'gitlab/issue.html', 'https://gitlab.com/group/app/-/work_items/5');
    const [issue] = await issuesOn(gitlab, 'gitlab/issue.html', 'https://gitlab.com/group/app/-/issues/5');
    expect(workItem?.externalId).toBe('gitlab_issue_gitlab.com/group/app#5');
    expect(issue?.externalId).toBe(workItem?.externalId);
  });

  it('keeps the sub-path of an instance served under one, and reads incidents as issues', async () => {
    expect(await issuesOn(gitlab, 'gitlab/issue.html', 'https://example.com/gitlab/group/app/-/issues/incident/9')).toEqual([
      expect.objectContaining({ externalId: 'gitlab_issue_example.com/gitlab/group/app#9', key: '#9', project: 'gitlab/group/app' }),
    ]);
  });
});
