// @vitest-environment happy-dom
import bitrix24 from '@/lib/integrations/sites/bitrix24';
import { defaultNote } from '@/lib/integrations/note';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const TASK = 'https://northwind.bitrix24.com/company/personal/user/1/tasks/task/view/842/';
const KANBAN = 'https://northwind.bitrix24.eu/crm/deal/kanban/';
const DEAL = 'https://northwind.bitrix24.eu/crm/deal/details/512/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER';

/** Shows a deal's title as Bitrix24's entity editor lays it out: its last word beside the rename button. */
function showDealTitle(root: ParentNode, text: string) {
  const last = /\s+\S+\s*$/.exec(text);
  root.querySelector('#pagetitle')!.textContent = last ? text.slice(0, last.index) : '';
  root.querySelector('#pagetitle_btn_wrapper')!.firstChild!.textContent = last ? text.slice(last.index) : text;
}

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

describeView({
  integration: bitrix24,
  view: 'deal page in the slider',
  fixture: 'bitrix24/deal.html',
  url: DEAL,
  issue: {
    externalId: 'bitrix24_deal_northwind.bitrix24.eu/512',
    key: '',
    title: 'Website redesign for Northwind',
    url: 'https://northwind.bitrix24.eu/crm/deal/details/512/',
  },
  note: 'Website redesign for Northwind',
  container: '.crm-iframe-header',
  title: '#pagetitle',
  retitle: (text) => showDealTitle(document, text),
  next: {
    url: '/crm/deal/details/513/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER',
    swap: (header) => showDealTitle(header, 'Support contract 2027'),
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

  it('reads a deal’s page with or without the slider’s query, and a title the editor has not split', async () => {
    const unsplit = () => {
      document.querySelector('#pagetitle')!.textContent = 'Website redesign for Northwind';
      document.querySelector('#pagetitle_btn_wrapper')!.firstChild!.textContent = '\n';
    };
    for (const [url, tweak] of [
      ['https://northwind.bitrix24.eu/crm/deal/details/512/', () => {}],
      ['https://northwind.bitrix24.eu/crm/deal/details/512', () => {}],
      [DEAL, unsplit],
    ] as const) {
      expect(await issuesOn(bitrix24, 'bitrix24/deal.html', url, tweak)).toEqual([
        expect.objectContaining({ externalId: 'bitrix24_deal_northwind.bitrix24.eu/512', title: 'Website redesign for Northwind', url: 'https://northwind.bitrix24.eu/crm/deal/details/512/' }),
      ]);
    }
  });

  it('keys a deal’s page and its card on the kanban the same, so the time per deal adds up', async () => {
    const [card] = await issuesOn(bitrix24, 'bitrix24/deal-kanban.html', KANBAN);
    const [page] = await issuesOn(bitrix24, 'bitrix24/deal.html', DEAL);
    expect(page).toEqual(card);
  });

  it('puts only the deal’s title in the note, never its client, phone, address or amount', async () => {
    const [deal] = await issuesOn(bitrix24, 'bitrix24/deal.html', DEAL);
    expect(defaultNote(deal!)).toBe('Website redesign for Northwind');
    expect(JSON.stringify(deal)).not.toMatch(/Maria|Johnson|555|0142|Harbour|Portland|12,500|\$|Preparing|General/);
  });

  it.each([
    ['a deal id that is no number', 'https://northwind.bitrix24.eu/crm/deal/details/abc/'],
    ['the form for a new deal', 'https://northwind.bitrix24.eu/crm/deal/details/0/?IFRAME=Y'],
    ['a lead’s page', 'https://northwind.bitrix24.eu/crm/lead/details/512/?IFRAME=Y'],
  ])('places no button on a deal’s page for %s', async (_, url) => {
    expect(await issuesOn(bitrix24, 'bitrix24/deal.html', url)).toEqual([]);
  });

  it('sends no description, contact or address from the page', async () => {
    const sent = JSON.stringify([...(await issuesOn(bitrix24, 'bitrix24/task.html', TASK)), ...(await issuesOn(bitrix24, 'bitrix24/deal-kanban.html', KANBAN))]);
    expect(sent).not.toMatch(/@|banners|Maria/);
  });
});
