// @vitest-environment happy-dom
import teamwork from '@/lib/integrations/sites/teamwork';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const LIST = 'https://acme.teamwork.com/app/projects/545123/tasks/list';

describeView({
  integration: teamwork,
  view: 'task page',
  fixture: 'teamwork/task-page.html',
  url: 'https://acme.teamwork.com/app/tasks/26134585',
  issue: {
    externalId: 'teamwork_task_26134585',
    key: '#26134585',
    title: 'Write the launch announcement',
    url: 'https://acme.teamwork.com/app/tasks/26134585',
    project: 'Website redesign',
  },
  note: '#26134585 Write the launch announcement',
  container: '[data-task-details-section="main"]',
  title: '.items-start .text-default',
  next: {
    url: '/app/tasks/26134586',
    swap(details) {
      details.querySelector('.text-default')!.textContent = 'Schedule the newsletter';
    },
    issue: { externalId: 'teamwork_task_26134586', key: '#26134586', title: 'Schedule the newsletter' },
  },
});

describeView({
  integration: teamwork,
  view: 'task panel over a list',
  fixture: 'teamwork/task-panel.html',
  url: LIST,
  // The list's URL: the panel's task is not in it.
  issuePage: false,
  issue: {
    externalId: 'teamwork_task_26134590',
    key: '#26134590',
    title: 'Check the redirects',
    url: 'https://acme.teamwork.com/app/tasks/26134590',
    project: 'Website redesign',
  },
  note: '#26134590 Check the redirects',
  container: '[data-test-id="td-drawer"]',
  title: '.items-start .text-default',
  next: {
    url: '/app/projects/545123/tasks/list?panel=2',
    swap(drawer) {
      drawer.querySelector('[data-identifier="task-details-copy-task-id"]')!.textContent = '26134591';
      drawer.querySelector('.text-default')!.textContent = 'Fix the 404 page';
    },
    issue: { externalId: 'teamwork_task_26134591', key: '#26134591', title: 'Fix the 404 page' },
  },
});

describeView({
  integration: teamwork,
  view: 'list row',
  fixture: 'teamwork/list.html',
  url: LIST,
  issuePage: false,
  issue: {
    externalId: 'teamwork_task_26134585',
    key: '#26134585',
    title: 'Write the launch announcement',
    url: 'https://acme.teamwork.com/app/tasks/26134585',
    project: 'Website redesign',
  },
  note: '#26134585 Write the launch announcement',
  container: '[data-task-detail-panel-id]',
  title: '[data-identifier="list-view-task-name"]',
  next: {
    url: '/app/projects/545125/tasks/list',
    swap(row) {
      row.setAttribute('data-task-detail-panel-id', '26134599');
      row.querySelector('[data-identifier="list-view-task-name"]')!.textContent = 'Order the signage';
    },
    issue: { externalId: 'teamwork_task_26134599', key: '#26134599', title: 'Order the signage' },
  },
});

describeView({
  integration: teamwork,
  view: 'table row',
  fixture: 'teamwork/table.html',
  url: 'https://acme.teamwork.com/app/home/work',
  issuePage: false,
  issue: {
    externalId: 'teamwork_task_26134585',
    key: '#26134585',
    title: 'Write the launch announcement',
    url: 'https://acme.teamwork.com/app/tasks/26134585',
    project: 'Website redesign',
  },
  note: '#26134585 Write the launch announcement',
  container: '.TasksTableTask',
  title: '.table-cell-task-name-link',
  next: {
    url: '/app/home/work?page=2',
    swap(row) {
      const link = row.querySelector('.table-cell-task-name-link')!;
      link.setAttribute('href', '/app/tasks/26134599');
      link.textContent = 'Order the signage';
    },
    issue: { externalId: 'teamwork_task_26134599', key: '#26134599', title: 'Order the signage' },
  },
});

describePagesWithoutIssue(teamwork, [
  { view: 'a project without tasks', fixture: 'teamwork/empty-list.html', url: 'https://acme.teamwork.com/app/projects/545124/tasks/list' },
]);

describe('Teamwork.com, more cases', () => {
  it.each([
    ['a task URL', 'https://acme.teamwork.com/app/tasks/26134585'],
    ['a task URL with a slash and a query', 'https://acme.teamwork.com/app/tasks/26134585/?c=1'],
    ['an EU site', 'https://acme.eu.teamwork.com/app/tasks/26134585'],
  ])('reads the task id from %s', async (_, url) => {
    const page = new URL(url);
    expect(await issuesOn(teamwork, 'teamwork/task-page.html', url)).toEqual([
      expect.objectContaining({ externalId: 'teamwork_task_26134585', url: `${page.origin}/app/tasks/26134585` }),
    ]);
  });

  it('prefers the task in the URL to the copy button', async () => {
    const other = () => (document.querySelector('[data-identifier="task-details-copy-task-id"]')!.textContent = '1');
    expect(await issuesOn(teamwork, 'teamwork/task-page.html', 'https://acme.teamwork.com/app/tasks/26134585', other)).toEqual([
      expect.objectContaining({ externalId: 'teamwork_task_26134585' }),
    ]);
  });

  it('takes a copy button that shows the id with a hash', async () => {
    const hashed = () => (document.querySelector('[data-identifier="task-details-copy-task-id"]')!.textContent = ' #26134590 ');
    expect(await issuesOn(teamwork, 'teamwork/task-panel.html', LIST, hashed)).toEqual([expect.objectContaining({ externalId: 'teamwork_task_26134590' })]);
  });

  it.each([
    ['a copy button that shows no id', 'task-panel.html', () => (document.querySelector('[data-identifier="task-details-copy-task-id"]')!.textContent = 'Copy')],
    ['no copy button', 'task-panel.html', () => document.querySelector('[data-identifier="task-details-copy-task-id"]')!.remove()],
    ['a row id that is no Teamwork id', 'list.html', () => document.querySelector('[data-task-detail-panel-id]')!.setAttribute('data-task-detail-panel-id', 'new-1')],
    ['a row link to another site', 'table.html', () => document.querySelector('a')!.setAttribute('href', 'https://evil.example/app/tasks/26134585')],
    ['a row link to no task', 'table.html', () => document.querySelector('a')!.setAttribute('href', '/app/tasklists/26134585')],
  ])('places no button for %s', async (_, file, tweak) => {
    expect(await issuesOn(teamwork, `teamwork/${file}`, LIST, tweak)).toEqual([]);
  });

  it('gives each row of a list its own button', async () => {
    const secondRow = () => {
      const row = document.querySelector('[data-task-detail-panel-id]')!;
      const copy = row.cloneNode(true) as Element;
      copy.setAttribute('data-task-detail-panel-id', '26134586');
      copy.querySelector('[data-identifier="list-view-task-name"]')!.textContent = 'Schedule the newsletter';
      row.after(copy);
    };
    expect(await issuesOn(teamwork, 'teamwork/list.html', LIST, secondRow)).toEqual([
      expect.objectContaining({ externalId: 'teamwork_task_26134585', title: 'Write the launch announcement', project: 'Website redesign' }),
      expect.objectContaining({ externalId: 'teamwork_task_26134586', title: 'Schedule the newsletter', project: 'Website redesign' }),
    ]);
  });

  it('names the project of each table row, and the toolbar’s where a row has none', async () => {
    const rows = () => {
      const row = document.querySelector('.TasksTableTask')!;
      const copy = row.cloneNode(true) as Element;
      copy.querySelector('a')!.setAttribute('href', '/app/tasks/26134586');
      copy.querySelector('.TableViewRow__cell--project')!.textContent = 'Newsletter';
      row.after(copy);
    };
    expect(await issuesOn(teamwork, 'teamwork/table.html', 'https://acme.teamwork.com/app/home/work', rows)).toEqual([
      expect.objectContaining({ externalId: 'teamwork_task_26134585', project: 'Website redesign' }),
      expect.objectContaining({ externalId: 'teamwork_task_26134586', project: 'Newsletter' }),
    ]);
    const projectTable = () => {
      document.querySelector('.TableViewRow__cell--project')!.remove();
      document.body.insertAdjacentHTML('afterbegin', '<div class="tw-toolbar-title"><span>Website redesign</span></div>');
    };
    expect(await issuesOn(teamwork, 'teamwork/table.html', 'https://acme.teamwork.com/app/projects/545123/tasks/table', projectTable)).toEqual([
      expect.objectContaining({ project: 'Website redesign' }),
    ]);
  });
});
