import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText, linkOf, textOf } from '../read';

// Basecamp 3 and 4, 3.basecamp.com. A to-do's page is `/<accountId>/buckets/<projectId>/todos/<todoId>`;
// list rows link there. Ids are numbers, unique in an account whatever the project (Basecamp's API
// finds any item by account and id alone), so the id is `basecamp_todo_<accountId>/<todoId>`.
// TimeCamp's plugin has no Basecamp script to take a format from. To-dos show no key: the note is the title.
const TODO = /^\/(\d+)\/buckets\/(\d+)\/todos\/(\d+)\/?(?:\?|$)/;

/** The project's name: the page's subtitle, else the first of its breadcrumbs. */
const projectOf = (doc: Document) =>
  (doc.querySelector('meta[name="current-page-subtitle"]')?.getAttribute('content') ?? '').trim() || firstText(doc, '[data-breadcrumbs-target="link"]');

function todo(page: URL, path: string, title: string, doc: Document): IssueFields | null {
  const [, account, project, id] = TODO.exec(path) ?? [];
  if (!account || !project || !id) return null;
  return {
    externalId: `basecamp_todo_${account}/${id}`,
    key: '',
    title,
    url: `${page.origin}/${account}/buckets/${project}/todos/${id}`,
    project: projectOf(doc) || undefined,
  };
}

export const about = { id: 'basecamp', name: 'Basecamp', matches: [], selfHosted: false, optionalHosts: ['https://3.basecamp.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: TODO,
  places: [
    {
      // The to-do's own page: at the end of its title, in the header.
      name: 'todo',
      url: TODO,
      anchor: ['.todo__header .todo__title', 'header.todo__header h1'],
      position: 'inside',
      read: (anchor, page) => todo(page, page.pathname, firstText(anchor, 'a') || textOf(anchor), anchor.ownerDocument),
    },
    {
      // A to-do's row in a to-do list: at the end of its content, after its title link.
      name: 'list-row',
      anchor: '.todolist .todo .checkbox__content',
      position: 'inside',
      read(anchor, page) {
        const link = linkOf(anchor.querySelector('a'), page);
        if (link?.origin !== page.origin) return null;
        return todo(page, link.pathname, textOf(anchor.querySelector('a')), anchor.ownerDocument);
      },
    },
  ],
});
