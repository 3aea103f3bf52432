// @vitest-environment happy-dom
import basecamp from '@/lib/integrations/sites/basecamp';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const TODO = 'https://3.basecamp.com/4051234/buckets/2085958499/todos/7612345678';
const LIST = 'https://3.basecamp.com/4051234/buckets/2085958499/todolists/7612300001';

describeView({
  integration: basecamp,
  view: 'to-do page',
  fixture: 'basecamp/todo-page.html',
  url: TODO,
  issue: {
    externalId: 'basecamp_todo_4051234/7612345678',
    key: '',
    title: 'Send the press kit to the printer',
    url: TODO,
    project: 'Website relaunch',
  },
  // To-dos show no key: the note is the title.
  note: 'Send the press kit to the printer',
  container: '.todo__header',
  title: '.todo__title a',
  next: {
    url: '/4051234/buckets/2085958499/todos/7612345679',
    swap(header) {
      header.querySelector('.todo__title a')!.textContent = 'Book the launch venue';
    },
    issue: { externalId: 'basecamp_todo_4051234/7612345679', key: '', title: 'Book the launch venue' },
  },
});

describeView({
  integration: basecamp,
  view: 'to-do list row',
  fixture: 'basecamp/todolist.html',
  url: LIST,
  issuePage: false,
  issue: {
    externalId: 'basecamp_todo_4051234/7612345678',
    key: '',
    title: 'Send the press kit to the printer',
    url: TODO,
    project: 'Website relaunch',
  },
  note: 'Send the press kit to the printer',
  container: 'li.todo',
  title: '.checkbox__content a',
  next: {
    url: '/4051234/buckets/2085958499/todolists/7612300003',
    swap(row) {
      const link = row.querySelector('.checkbox__content a')!;
      link.setAttribute('href', '/4051234/buckets/2085958499/todos/7612345679');
      link.textContent = 'Book the launch venue';
    },
    issue: { externalId: 'basecamp_todo_4051234/7612345679', key: '', title: 'Book the launch venue' },
  },
});

describePagesWithoutIssue(basecamp, [
  { view: 'a to-do list without to-dos', fixture: 'basecamp/empty-todolist.html', url: 'https://3.basecamp.com/4051234/buckets/2085958499/todolists/7612300002' },
]);

describe('Basecamp, more cases', () => {
  it.each([
    ['a to-do URL', TODO],
    ['a to-do URL with a slash', `${TODO}/`],
    ['a to-do URL with a query and a comment anchor', `${TODO}?from=notifications#__recording_7612345690`],
  ])('reads the to-do from %s', async (_, url) => {
    expect(await issuesOn(basecamp, 'basecamp/todo-page.html', url)).toEqual([expect.objectContaining({ externalId: 'basecamp_todo_4051234/7612345678', url: TODO })]);
  });

  it('keys the to-do by account and id, not by project (ids are unique in an account)', async () => {
    const [issue] = await issuesOn(basecamp, 'basecamp/todo-page.html', 'https://3.basecamp.com/4051234/buckets/2085958500/todos/7612345678');
    expect(issue).toMatchObject({ externalId: 'basecamp_todo_4051234/7612345678', url: 'https://3.basecamp.com/4051234/buckets/2085958500/todos/7612345678' });
  });

  it.each([
    ['a to-do list page', 'todo-page.html', LIST, () => undefined],
    ['a card, which is no to-do', 'todo-page.html', 'https://3.basecamp.com/4051234/buckets/2085958499/card_tables/cards/7612345678', () => undefined],
    ['an account id that is no number', 'todo-page.html', 'https://3.basecamp.com/acme/buckets/2085958499/todos/7612345678', () => undefined],
    ['a row whose link is no to-do', 'todolist.html', LIST, () => document.querySelector('.checkbox__content a')!.setAttribute('href', '/4051234/buckets/2085958499/messages/7612345678')],
    ['a row linking to another site', 'todolist.html', LIST, () => document.querySelector('.checkbox__content a')!.setAttribute('href', 'https://evil.example/4051234/buckets/2085958499/todos/7612345678')],
  ])('places no button for %s', async (_, file, url, tweak) => {
    expect(await issuesOn(basecamp, `basecamp/${file}`, url, tweak)).toEqual([]);
  });

  it('gives each row of a list its own button', async () => {
    const secondRow = () => {
      const row = document.querySelector('li.todo')!;
      const copy = row.cloneNode(true) as Element;
      const link = copy.querySelector('.checkbox__content a')!;
      link.setAttribute('href', '/4051234/buckets/2085958499/todos/7612345679');
      link.textContent = 'Book the launch venue';
      row.after(copy);
    };
    expect(await issuesOn(basecamp, 'basecamp/todolist.html', LIST, secondRow)).toEqual([
      expect.objectContaining({ externalId: 'basecamp_todo_4051234/7612345678', title: 'Send the press kit to the printer' }),
      expect.objectContaining({ externalId: 'basecamp_todo_4051234/7612345679', title: 'Book the launch venue' }),
    ]);
  });

  it('names the project from the breadcrumbs when the page has no subtitle', async () => {
    const bare = () => document.querySelector('meta[name="current-page-subtitle"]')!.remove();
    const [issue] = await issuesOn(basecamp, 'basecamp/todolist.html', LIST, bare);
    expect(issue).toMatchObject({ project: 'Website relaunch' });
  });

  it('finds the title in a header without the title class, as Toggl does', async () => {
    const older = () => document.querySelector('.todo__title')!.classList.remove('todo__title');
    expect(await issuesOn(basecamp, 'basecamp/todo-page.html', TODO, older)).toEqual([
      expect.objectContaining({ externalId: 'basecamp_todo_4051234/7612345678', title: 'Send the press kit to the printer' }),
    ]);
  });
});
