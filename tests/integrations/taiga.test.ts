// @vitest-environment happy-dom
import taiga from '@/lib/integrations/sites/taiga';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const TASK = 'https://tree.taiga.io/project/acme-web-shop/task/14';

describeView({
  integration: taiga,
  view: 'task page',
  fixture: 'taiga/task-page.html',
  url: TASK,
  issue: {
    externalId: 'taiga_task_tree.taiga.io/acme-web-shop#14',
    key: '#14',
    title: 'Round coupon discounts per line',
    url: TASK,
    // From the document title, `<subject> - Task #14 - <project>`.
    project: 'Web shop',
  },
  note: '#14 Round coupon discounts per line',
  container: 'tg-detail-header',
  title: '.detail-subject',
  next: {
    url: '/project/acme-web-shop/task/15',
    swap(header) {
      header.querySelector('.detail-ref')!.textContent = '#15';
      header.querySelector('.detail-subject')!.textContent = 'Trim spaces in the coupon field';
    },
    issue: { externalId: 'taiga_task_tree.taiga.io/acme-web-shop#15', key: '#15', title: 'Trim spaces in the coupon field' },
  },
});

describeView({
  integration: taiga,
  view: 'Kanban card',
  fixture: 'taiga/kanban.html',
  url: 'https://tree.taiga.io/project/acme-web-shop/kanban',
  issuePage: false,
  issue: {
    externalId: 'taiga_us_tree.taiga.io/acme-web-shop#9',
    key: '#9',
    title: 'Checkout shows the final price',
    url: 'https://tree.taiga.io/project/acme-web-shop/us/9',
  },
  note: '#9 Checkout shows the final price',
  container: 'tg-card',
  title: '.card-subject',
  next: {
    url: '/project/acme-mobile-app/kanban',
    swap(card) {
      card.querySelector('.card-ref')!.textContent = '#3';
      card.querySelector('.card-subject')!.textContent = 'Sign in with a passkey';
    },
    issue: { externalId: 'taiga_us_tree.taiga.io/acme-mobile-app#3', key: '#3', title: 'Sign in with a passkey' },
  },
});

describeView({
  integration: taiga,
  view: 'backlog row',
  fixture: 'taiga/backlog.html',
  url: 'https://tree.taiga.io/project/acme-web-shop/backlog',
  issuePage: false,
  issue: {
    externalId: 'taiga_us_tree.taiga.io/acme-web-shop#9',
    key: '#9',
    title: 'Checkout shows the final price',
    url: 'https://tree.taiga.io/project/acme-web-shop/us/9',
  },
  note: '#9 Checkout shows the final price',
  container: '.us-item-row',
  title: '.user-story-name',
  next: {
    url: '/project/acme-mobile-app/backlog',
    swap(row) {
      row.querySelector('.user-story-number')!.textContent = '#3 ';
      row.querySelector('.user-story-name')!.textContent = 'Sign in with a passkey';
    },
    issue: { externalId: 'taiga_us_tree.taiga.io/acme-mobile-app#3', key: '#3', title: 'Sign in with a passkey' },
  },
});

describeView({
  integration: taiga,
  view: 'issue list row',
  fixture: 'taiga/issues.html',
  url: 'https://tree.taiga.io/project/acme-web-shop/issues',
  issuePage: false,
  issue: {
    externalId: 'taiga_issue_tree.taiga.io/acme-web-shop#21',
    key: '#21',
    title: 'Coupon field accepts spaces',
    url: 'https://tree.taiga.io/project/acme-web-shop/issue/21',
  },
  note: '#21 Coupon field accepts spaces',
  container: '.row.table-main',
  title: '.issue-subject',
  next: {
    url: '/project/acme-web-shop/issues?page=2',
    swap(row) {
      row.querySelector('.issue-ref')!.textContent = '#22 ';
      row.querySelector('.issue-subject')!.textContent = 'Totals flicker on slow networks';
    },
    issue: { externalId: 'taiga_issue_tree.taiga.io/acme-web-shop#22', key: '#22', title: 'Totals flicker on slow networks' },
  },
});

describePagesWithoutIssue(taiga, [
  { view: 'a Kanban without user stories', fixture: 'taiga/kanban-empty.html', url: 'https://tree.taiga.io/project/acme-web-shop/kanban' },
]);

describe('Taiga, more cases', () => {
  it.each([
    ['a user story', 'us'],
    ['an issue', 'issue'],
    ['an epic', 'epic'],
  ])('names %s by the kind in its URL', async (_, kind) => {
    const url = `https://tree.taiga.io/project/acme-web-shop/${kind}/14`;
    expect(await issuesOn(taiga, 'taiga/task-page.html', url)).toEqual([
      expect.objectContaining({ externalId: `taiga_${kind}_tree.taiga.io/acme-web-shop#14`, key: '#14', url }),
    ]);
  });

  it('includes a self-hosted instance’s host and reads a URL with a query', async () => {
    const [issue] = await issuesOn(taiga, 'taiga/task-page.html', 'https://taiga.example.org:9000/project/acme-web-shop/task/14?milestone=1201');
    expect(issue).toMatchObject({ externalId: 'taiga_task_taiga.example.org:9000/acme-web-shop#14', url: 'https://taiga.example.org:9000/project/acme-web-shop/task/14' });
  });

  it('places no button while the header still shows the previous item', async () => {
    expect(await issuesOn(taiga, 'taiga/task-page.html', 'https://tree.taiga.io/project/acme-web-shop/task/15')).toEqual([]);
  });

  it('prefers the project menu’s name to the document title', async () => {
    const menu = () => {
      const root = document.querySelector('tg-legacy-loader')!.attachShadow({ mode: 'open' });
      const name = document.createElement('span');
      name.className = 'menu-option-text project-name';
      name.textContent = 'Web shop (2025)';
      root.append(name);
    };
    expect(await issuesOn(taiga, 'taiga/kanban.html', 'https://tree.taiga.io/project/acme-web-shop/kanban', menu)).toEqual([
      expect.objectContaining({ externalId: 'taiga_us_tree.taiga.io/acme-web-shop#9', project: 'Web shop (2025)' }),
    ]);
  });

  it('reads the subject from the input while it is being edited', async () => {
    const editing = () => {
      const input = document.createElement('input');
      input.className = 'edit-title-input';
      input.value = 'Round coupon discounts per order';
      const wrapper = document.createElement('div');
      wrapper.className = 'edit-title-wrapper';
      wrapper.append(input);
      document.querySelector('.detail-title-wrapper')!.append(wrapper);
    };
    expect(await issuesOn(taiga, 'taiga/task-page.html', TASK, editing)).toEqual([
      expect.objectContaining({ title: 'Round coupon discounts per order' }),
    ]);
  });

  it('gives each taskboard card and sprint issue its own button, of its own kind', async () => {
    const second = () => {
      const card = document.querySelector('tg-card')!;
      const copy = card.cloneNode(true) as Element;
      copy.querySelector('.card-ref')!.textContent = '#15';
      copy.querySelector('.card-subject')!.textContent = 'Trim spaces in the coupon field';
      card.after(copy);
    };
    expect(await issuesOn(taiga, 'taiga/taskboard.html', 'https://tree.taiga.io/project/acme-web-shop/taskboard/sprint-7-1201', second)).toEqual([
      expect.objectContaining({ externalId: 'taiga_task_tree.taiga.io/acme-web-shop#14', key: '#14', title: 'Round coupon discounts per line' }),
      expect.objectContaining({ externalId: 'taiga_task_tree.taiga.io/acme-web-shop#15', key: '#15', title: 'Trim spaces in the coupon field' }),
      expect.objectContaining({ externalId: 'taiga_issue_tree.taiga.io/acme-web-shop#21', key: '#21', title: 'Coupon field accepts spaces' }),
    ]);
  });

  it.each([
    ['a ref that is no number', () => (document.querySelector('.card-ref')!.textContent = '#9a')],
    ['a card of an unknown type', () => document.querySelector('tg-card')!.setAttribute('type', 'wiki')],
  ])('refuses %s', async (_, tweak) => {
    expect(await issuesOn(taiga, 'taiga/kanban.html', 'https://tree.taiga.io/project/acme-web-shop/kanban', tweak)).toEqual([]);
  });

  it('refuses a slug with a path in it', async () => {
    expect(await issuesOn(taiga, 'taiga/task-page.html', 'https://tree.taiga.io/project/acme%2Fweb/task/14')).toEqual([]);
  });
});
