// @vitest-environment happy-dom
import bitrix24 from '@/lib/integrations/sites/bitrix24';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const TASK = 'https://northwind.bitrix24.com/company/personal/user/1/tasks/task/view/842/';
const KANBAN = 'https://northwind.bitrix24.eu/crm/deal/kanban/';

describeView({
  integration: bitrix24,
  view: 'task page',
  fixture: 'bitrix24/task.html',
  url: TASK,
  issue: {
    externalId: 'bitrix24_task_northwind.bitrix24.com/842',
    key: '',
    title: 'Prepare the trade fair stand',
    url: TASK,
    project: 'Trade fairs 2027',
  },
  note: 'Prepare the trade fair stand',
  container: 'main',
  title: '.tasks-field-title > textarea',
  next: {
    url: '/company/personal/user/1/tasks/task/view/843/',
    swap(main) {
      const title = main.querySelector('.tasks-field-title')!;
      title.setAttribute('data-task-field-value', 'Book the hotel');
      title.querySelector('textarea')!.textContent = 'Book the hotel';
    },
    issue: { externalId: 'bitrix24_task_northwind.bitrix24.com/843', key: '', title: 'Book the hotel' },
  },
});

describeView({
  integration: bitrix24,
  view: 'deal card on the kanban',
  fixture: 'bitrix24/deal-kanban.html',
  url: KANBAN,
  issuePage: false,
  issue: {
    externalId: 'bitrix24_deal_northwind.bitrix24.eu/512',
    key: '',
    title: 'Website redesign for Northwind',
    url: 'https://northwind.bitrix24.eu/crm/deal/details/512/',
  },
  note: 'Website redesign for Northwind',
  container: '.crm-kanban-item',
  title: '.crm-kanban-item-title',
  next: {
    url: '/crm/deal/kanban/category/2/',
    swap(card) {
      const link = card.querySelector('.crm-kanban-item-title')!;
      link.setAttribute('href', '/crm/deal/details/513/');
      link.textContent = 'Support contract 2027';
    },
    issue: { externalId: 'bitrix24_deal_northwind.bitrix24.eu/513', key: '', title: 'Support contract 2027' },
  },
});

describePagesWithoutIssue(bitrix24, [{ view: 'the task list', fixture: 'bitrix24/tasks-list.html', url: 'https://northwind.bitrix24.com/company/personal/user/1/tasks/' }]);

describe('Bitrix24, more cases', () => {
  it('reads a workgroup’s task, and keeps the workgroup in its address', async () => {
    const url = 'https://northwind.bitrix24.de/workgroups/group/12/tasks/task/view/842/';
    expect(await issuesOn(bitrix24, 'bitrix24/task.html', url)).toEqual([
      expect.objectContaining({ externalId: 'bitrix24_task_northwind.bitrix24.de/842', url }),
    ]);
  });

  it('reads a task address without its last slash, or with a query', async () => {
    for (const url of [TASK.slice(0, -1), `${TASK}?ta_sec=tasks&ta_el=title_click`]) {
      expect(await issuesOn(bitrix24, 'bitrix24/task.html', url)).toEqual([expect.objectContaining({ externalId: 'bitrix24_task_northwind.bitrix24.com/842', url: TASK })]);
    }
  });

  it('reads the title from the card’s value when no text area is shown', async () => {
    const tweak = () => document.querySelector('.tasks-field-title > textarea')!.remove();
    expect(await issuesOn(bitrix24, 'bitrix24/task.html', TASK, tweak)).toEqual([expect.objectContaining({ title: 'Prepare the trade fair stand' })]);
  });

  it.each([
    ['a task id that is no number', 'https://northwind.bitrix24.com/company/personal/user/1/tasks/task/view/abc/'],
    ['a new task’s form', 'https://northwind.bitrix24.com/company/personal/user/1/tasks/task/edit/0/'],
  ])('places no button for %s', async (_, url) => {
    expect(await issuesOn(bitrix24, 'bitrix24/task.html', url)).toEqual([]);
  });

  it('gives each deal card its own button, and none to a lead’s card or a link to another host', async () => {
    const cards = () => {
      const card = document.querySelector('.crm-kanban-item')!;
      for (const [href, name] of [
        ['/crm/deal/details/513/', 'Support contract 2027'],
        ['/crm/lead/details/77/', 'Lead from the website form'],
        ['https://elsewhere.example/crm/deal/details/514/', 'Not this portal'],
        ['/crm/deal/details/abc/', 'Broken link'],
      ]) {
        const copy = card.cloneNode(true) as Element;
        copy.querySelector('a')!.setAttribute('href', href!);
        copy.querySelector('a')!.textContent = name!;
        card.parentElement!.append(copy);
      }
    };
    expect(await issuesOn(bitrix24, 'bitrix24/deal-kanban.html', KANBAN, cards)).toEqual([
      expect.objectContaining({ externalId: 'bitrix24_deal_northwind.bitrix24.eu/512', title: 'Website redesign for Northwind' }),
      expect.objectContaining({ externalId: 'bitrix24_deal_northwind.bitrix24.eu/513', title: 'Support contract 2027' }),
    ]);
  });

  it('sends no description, contact or address from the page', async () => {
    const sent = JSON.stringify([...(await issuesOn(bitrix24, 'bitrix24/task.html', TASK)), ...(await issuesOn(bitrix24, 'bitrix24/deal-kanban.html', KANBAN))]);
    expect(sent).not.toMatch(/@|banners|Maria/);
  });
});
