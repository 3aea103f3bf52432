// @vitest-environment happy-dom
import jira from '@/lib/integrations/sites/jira';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: jira,
  view: 'Cloud issue page',
  fixture: 'jira/issue.html',
  url: 'https://acme.atlassian.net/browse/PROJ-7',
  issue: {
    externalId: 'jira_issue_acme.atlassian.net/PROJ-7',
    key: 'PROJ-7',
    title: 'Export fails',
    url: 'https://acme.atlassian.net/browse/PROJ-7',
    project: 'Acme Web',
  },
  note: 'PROJ-7 Export fails',
  container: '[data-testid="issue.views.issue-details.issue-layout.container-left"]',
  title: 'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  next: {
    url: '/browse/PROJ-8',
    swap(view) {
      const key = view.querySelector('a[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]')!;
      key.setAttribute('href', '/browse/PROJ-8');
      key.textContent = 'PROJ-8';
      view.querySelector('h1')!.textContent = 'Import hangs';
    },
    issue: { externalId: 'jira_issue_acme.atlassian.net/PROJ-8', key: 'PROJ-8', title: 'Import hangs' },
  },
});

describeView({
  integration: jira,
  view: 'Cloud board side panel',
  fixture: 'jira/board-panel.html',
  url: 'https://acme.atlassian.net/jira/software/projects/PROJ/boards/1?selectedIssue=PROJ-9',
  issue: {
    externalId: 'jira_issue_acme.atlassian.net/PROJ-9',
    key: 'PROJ-9',
    title: 'Retry failed uploads',
    url: 'https://acme.atlassian.net/browse/PROJ-9',
    project: 'Acme Web',
  },
  note: 'PROJ-9 Retry failed uploads',
  container: '[data-testid="issue.views.issue-details.issue-layout.compact-layout"]',
  title: '[data-testid="issue.views.issue-details.issue-layout.compact-layout"] h1',
  next: {
    url: '/jira/software/projects/PROJ/boards/1?selectedIssue=PROJ-10',
    swap(panel) {
      const key = panel.querySelector('a[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]')!;
      key.setAttribute('href', '/browse/PROJ-10');
      key.textContent = 'PROJ-10';
      panel.querySelector('h1')!.textContent = 'Show upload progress';
    },
    issue: { externalId: 'jira_issue_acme.atlassian.net/PROJ-10', key: 'PROJ-10', title: 'Show upload progress' },
  },
});

describeView({
  integration: jira,
  view: 'Data Center issue page',
  fixture: 'jira/server-issue.html',
  url: 'https://jira.example.com/jira/browse/OPS-42',
  issue: {
    externalId: 'jira_issue_jira.example.com/OPS-42',
    key: 'OPS-42',
    title: 'Rotate the backup keys',
    url: 'https://jira.example.com/jira/browse/OPS-42',
    project: 'Operations',
  },
  note: 'OPS-42 Rotate the backup keys',
  container: '.issue-header-content',
  title: '#summary-val',
  next: {
    url: '/jira/browse/OPS-43',
    swap(header) {
      const key = header.querySelector('#key-val')!;
      key.setAttribute('data-issue-key', 'OPS-43');
      key.setAttribute('href', '/jira/browse/OPS-43');
      key.textContent = 'OPS-43';
      header.querySelector('#summary-val')!.textContent = 'Renew the TLS certificate';
    },
    issue: { externalId: 'jira_issue_jira.example.com/OPS-43', key: 'OPS-43', title: 'Renew the TLS certificate' },
  },
});

describeView({
  integration: jira,
  view: 'Data Center board detail view',
  fixture: 'jira/server-board.html',
  url: 'https://jira.example.com/jira/secure/RapidBoard.jspa?rapidView=12&selectedIssue=OPS-42',
  issue: {
    externalId: 'jira_issue_jira.example.com/OPS-42',
    key: 'OPS-42',
    title: 'Rotate the backup keys',
    url: 'https://jira.example.com/jira/browse/OPS-42',
    project: 'Operations',
  },
  note: 'OPS-42 Rotate the backup keys',
  container: '#ghx-detail-issue',
  title: '#ghx-detail-issue [data-field-id="summary"]',
  next: {
    url: '/jira/secure/RapidBoard.jspa?rapidView=12&selectedIssue=OPS-43',
    swap(detail) {
      const key = detail.querySelector('.ghx-fieldname-issuekey a')!;
      key.setAttribute('href', '/jira/browse/OPS-43');
      key.textContent = 'OPS-43';
      detail.querySelector('[data-field-id="summary"]')!.textContent = 'Renew the TLS certificate';
    },
    issue: { externalId: 'jira_issue_jira.example.com/OPS-43', key: 'OPS-43', title: 'Renew the TLS certificate' },
  },
});

describePagesWithoutIssue(jira, [
  { view: 'a board without an open issue', fixture: 'jira/board.html', url: 'https://acme.atlassian.net/jira/software/projects/PROJ/boards/1' },
]);

describe('Jira, more cases', () => {
  it('reads the summary from its field while it is being edited', async () => {
    const issues = await issuesOn(jira, 'jira/issue.html', 'https://acme.atlassian.net/browse/PROJ-7', () => {
      const heading = document.querySelector('h1[data-testid="issue.views.issue-base.foundation.summary.heading"]')!;
      const field = document.createElement('textarea');
      field.id = 'summary';
      field.value = 'Export fails for large files';
      heading.replaceWith(field);
    });
    expect(issues).toEqual([expect.objectContaining({ key: 'PROJ-7', title: 'Export fails for large files' })]);
  });

  it('gives the Data Center board’s detail view no button until it shows an issue key', async () => {
    const issues = await issuesOn(jira, 'jira/server-board.html', 'https://jira.example.com/jira/secure/RapidBoard.jspa?rapidView=12&selectedIssue=OPS-42', () => {
      document.querySelector('#ghx-detail-head .ghx-fieldname-issuekey a')!.textContent = '';
    });
    expect(issues).toEqual([]);
  });

  it('gives a breadcrumb without an issue key no button', async () => {
    const issues = await issuesOn(jira, 'jira/issue.html', 'https://acme.atlassian.net/browse/PROJ-7', () => {
      document.querySelector('a[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]')!.textContent = 'Loading…';
    });
    expect(issues).toEqual([]);
  });
});
