// @vitest-environment happy-dom
import azure from '@/lib/integrations/sites/azure';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: azure,
  view: 'work item form (dev.azure.com)',
  fixture: 'azure/work-item.html',
  url: 'https://dev.azure.com/acme/Web%20Shop/_workitems/edit/1234',
  issue: {
    externalId: 'azure_workitem_acme#1234',
    key: '#1234',
    title: 'Checkout keeps the old address',
    url: 'https://dev.azure.com/acme/Web%20Shop/_workitems/edit/1234',
    project: 'Web Shop',
  },
  note: '#1234 Checkout keeps the old address',
  container: '.work-item-form',
  title: '.work-item-title-textfield input',
  next: {
    url: '/acme/Web%20Shop/_workitems/edit/1235',
    swap(form) {
      form.querySelector('.work-item-form-header a')!.setAttribute('href', 'https://dev.azure.com/acme/Web%20Shop/_workitems/edit/1235');
      form.querySelector('.work-item-title-textfield input')!.setAttribute('value', 'Show delivery dates');
    },
    issue: { externalId: 'azure_workitem_acme#1235', key: '#1235', title: 'Show delivery dates' },
  },
});

describeView({
  integration: azure,
  view: 'board dialog (<org>.visualstudio.com)',
  fixture: 'azure/board-dialog.html',
  url: 'https://acme.visualstudio.com/Web%20Shop/_boards/board/t/Web%20Shop%20Team/Stories?workitem=1234',
  issue: {
    // The same organization as dev.azure.com/acme: the same id.
    externalId: 'azure_workitem_acme#1234',
    key: '#1234',
    title: 'Checkout keeps the old address',
    url: 'https://acme.visualstudio.com/Web%20Shop/_workitems/edit/1234',
    project: 'Web Shop',
  },
  note: '#1234 Checkout keeps the old address',
  container: '[role="dialog"]',
  title: '[role="dialog"] .work-item-title-textfield input',
  next: {
    url: '/Web%20Shop/_boards/board/t/Web%20Shop%20Team/Stories?workitem=1235',
    swap(dialog) {
      dialog.querySelector('.work-item-form-header a')!.setAttribute('href', 'https://acme.visualstudio.com/Web%20Shop/_workitems/edit/1235');
      dialog.querySelector('.work-item-title-textfield input')!.setAttribute('value', 'Show delivery dates');
    },
    issue: { externalId: 'azure_workitem_acme#1235', key: '#1235', title: 'Show delivery dates' },
  },
});

describeView({
  integration: azure,
  view: 'old work item form on Azure DevOps Server',
  fixture: 'azure/server-old-form.html',
  url: 'https://tfs.example.com/tfs/DefaultCollection/Web%20Shop/_workitems/edit/77',
  issue: {
    externalId: 'azure_workitem_tfs.example.com/tfs/DefaultCollection#77',
    key: '#77',
    title: 'Invoice PDF cuts the last line',
    url: 'https://tfs.example.com/tfs/DefaultCollection/Web%20Shop/_workitems/edit/77',
    project: 'Web Shop',
  },
  note: '#77 Invoice PDF cuts the last line',
  container: '.work-item-form',
  title: '.work-item-form-title input',
  next: {
    url: '/tfs/DefaultCollection/Web%20Shop/_workitems/edit/78',
    swap(form) {
      form.querySelector('.work-item-form-id span')!.textContent = '78';
      form.querySelector('.work-item-form-title input')!.setAttribute('value', 'Totals round twice');
    },
    issue: { externalId: 'azure_workitem_tfs.example.com/tfs/DefaultCollection#78', key: '#78', title: 'Totals round twice' },
  },
});

describePagesWithoutIssue(azure, [
  { view: 'a board without an open work item', fixture: 'azure/board.html', url: 'https://dev.azure.com/acme/Web%20Shop/_boards/board/t/Web%20Shop%20Team/Stories' },
]);

describe('Azure DevOps, more cases', () => {
  it('takes the form’s own work item, not one it links to', async () => {
    // work-item.html links to Feature 1200 under "related work".
    const [issue] = await issuesOn(azure, 'azure/work-item.html', 'https://dev.azure.com/acme/Web%20Shop/_workitems/edit/1234');
    expect(issue?.externalId).toBe('azure_workitem_acme#1234');
  });

  it('falls back to the URL when the form shows no link', async () => {
    const issues = await issuesOn(azure, 'azure/work-item.html', 'https://dev.azure.com/acme/Web%20Shop/_workitems/edit/1234?fullScreen=false', () =>
      document.querySelector('.work-item-form-header a')!.remove(),
    );
    expect(issues).toEqual([expect.objectContaining({ externalId: 'azure_workitem_acme#1234', url: 'https://dev.azure.com/acme/Web%20Shop/_workitems/edit/1234' })]);
  });
});
