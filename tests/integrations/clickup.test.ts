// @vitest-environment happy-dom
import clickup from '@/lib/integrations/sites/clickup';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: clickup,
  view: 'task page',
  fixture: 'clickup/task-page.html',
  url: 'https://app.clickup.com/t/86b0x9abc',
  issue: {
    externalId: 'task_86b0x9abc',
    key: '#86b0x9abc',
    title: 'Update the onboarding checklist',
    url: 'https://app.clickup.com/t/86b0x9abc',
    project: 'Customer onboarding',
  },
  note: '#86b0x9abc Update the onboarding checklist',
  container: '.cu-task-view__main',
  title: '.cu-task-title__overlay',
  next: {
    url: '/t/86b0x9abe',
    swap(view) {
      view.querySelector('.cu-task-title__overlay')!.textContent = 'Record the product tour';
    },
    issue: { externalId: 'task_86b0x9abe', key: '#86b0x9abe', title: 'Record the product tour' },
  },
});

describeView({
  integration: clickup,
  view: 'task modal with a custom task id',
  fixture: 'clickup/task-modal.html',
  url: 'https://app.clickup.com/t/9012345678/DEV-42',
  issue: {
    externalId: 'task_86b0x9abd',
    key: 'DEV-42',
    title: 'Fix the CSV export encoding',
    url: 'https://app.clickup.com/t/86b0x9abd',
    project: 'Sprint 14',
  },
  note: 'DEV-42 Fix the CSV export encoding',
  container: '[role="dialog"]',
  title: '.cu-task-title__overlay',
  next: {
    url: '/t/9012345678/DEV-43',
    swap(dialog) {
      dialog.setAttribute('data-task-id', '86b0x9abf');
      dialog.querySelector('.cu-task-title__overlay')!.textContent = 'Stream large exports';
    },
    issue: { externalId: 'task_86b0x9abf', key: 'DEV-43', title: 'Stream large exports' },
  },
});

describeView({
  integration: clickup,
  view: 'list row',
  fixture: 'clickup/list.html',
  url: 'https://app.clickup.com/9012345678/v/li/901200000042',
  issuePage: false,
  issue: {
    externalId: 'task_86b0x9abc',
    key: '#86b0x9abc',
    title: 'Update the onboarding checklist',
    url: 'https://app.clickup.com/t/86b0x9abc',
  },
  note: '#86b0x9abc Update the onboarding checklist',
  container: '.cu-task-row',
  title: '.cu-task-row-main__link-text-inner',
  next: {
    url: '/9012345678/v/li/901200000043',
    swap(row) {
      row.setAttribute('data-id', '86b0x9abe');
      row.querySelector('a')!.setAttribute('href', 'https://app.clickup.com/t/86b0x9abe');
      row.querySelector('.cu-task-row-main__link-text-inner')!.textContent = 'Record the product tour';
    },
    issue: { externalId: 'task_86b0x9abe', key: '#86b0x9abe', title: 'Record the product tour' },
  },
});

describePagesWithoutIssue(clickup, [
  { view: 'a list without tasks', fixture: 'clickup/empty-list.html', url: 'https://app.clickup.com/9012345678/v/li/901200000043' },
]);

describe('ClickUp, more cases', () => {
  it.each([
    ['a task URL', 'https://app.clickup.com/t/86b0x9abc'],
    ['a task URL with the workspace', 'https://app.clickup.com/t/9012345678/86b0x9abc'],
    ['a task URL with a query', 'https://app.clickup.com/t/86b0x9abc?comment=90120000000001'],
  ])('reads the task id from %s', async (_, url) => {
    expect(await issuesOn(clickup, 'clickup/task-page.html', url)).toEqual([expect.objectContaining({ externalId: 'task_86b0x9abc', key: '#86b0x9abc' })]);
  });

  it('takes the task id from the page, not the custom id from the URL', async () => {
    const [issue] = await issuesOn(clickup, 'clickup/task-modal.html', 'https://app.clickup.com/t/9012345678/DEV-42');
    expect(issue).toMatchObject({ externalId: 'task_86b0x9abd', key: 'DEV-42', url: 'https://app.clickup.com/t/86b0x9abd' });
  });

  it('places no button for a custom id when the page gives no task id (rather than a wrong id)', async () => {
    expect(await issuesOn(clickup, 'clickup/task-page.html', 'https://app.clickup.com/t/9012345678/DEV-42')).toEqual([]);
  });

  it('prefers the task id in the URL to a task id on the page', async () => {
    const tweak = () => document.querySelector('.cu-task-view__main')!.setAttribute('data-task-id', 'zzz');
    expect(await issuesOn(clickup, 'clickup/task-page.html', 'https://app.clickup.com/t/86b0x9abc', tweak)).toEqual([
      expect.objectContaining({ externalId: 'task_86b0x9abc' }),
    ]);
  });

  it('refuses ids that are no ClickUp task ids', async () => {
    const tweak = () => document.querySelector('[role="dialog"]')!.setAttribute('data-task-id', '../1');
    expect(await issuesOn(clickup, 'clickup/task-modal.html', 'https://app.clickup.com/t/9012345678/DEV-42', tweak)).toEqual([]);
  });

  it('gives each row of a list its own button, and a custom id in the link as the key', async () => {
    const secondRow = () => {
      const row = document.querySelector('.cu-task-row')!;
      const copy = row.cloneNode(true) as Element;
      copy.setAttribute('data-id', '86b0x9abd');
      copy.querySelector('a')!.setAttribute('href', 'https://app.clickup.com/t/9012345678/DEV-42');
      copy.querySelector('.cu-task-row-main__link-text-inner')!.textContent = 'Fix the CSV export encoding';
      row.after(copy);
    };
    expect(await issuesOn(clickup, 'clickup/list.html', 'https://app.clickup.com/9012345678/v/li/901200000042', secondRow)).toEqual([
      expect.objectContaining({ externalId: 'task_86b0x9abc', key: '#86b0x9abc', title: 'Update the onboarding checklist' }),
      expect.objectContaining({ externalId: 'task_86b0x9abd', key: 'DEV-42', title: 'Fix the CSV export encoding' }),
    ]);
  });
});
