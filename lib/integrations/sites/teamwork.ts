import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText, linkOf, nearest, textOf } from '../read';

// Teamwork.com, `<site>.teamwork.com` (EU sites `<site>.eu.teamwork.com`). A task's page is
// `/app/tasks/<taskId>`; lists and tables are a project's (`/app/projects/<id>/tasks/list`).
// TimeCamp's server-side Teamwork.com integration imports tasks as `teamwork_task_<taskId>` (its
// own plugin sends that id), so the buttons use it. Task ids are numbers; the key is `#<taskId>`.
const TASK = /^\/app\/tasks\/(\d+)\/?(?:\?|$)/;
const ID = /^\d+$/;

function task(page: URL, id: string | null | undefined, title: string, project: string): IssueFields | null {
  if (!id || !ID.test(id)) return null;
  return { externalId: `teamwork_task_${id}`, key: `#${id}`, title, url: `${page.origin}/app/tasks/${id}`, project: project || undefined };
}

/** The project a list or table belongs to, in the page's breadcrumbs or toolbar. */
const pageProject = (doc: Document) =>
  firstText(doc, '[data-identifier="appshell-breadcrumbs-project-breadcrumbstoolbar-project"]') || firstText(doc, '.tw-toolbar-title > span');

export const about = { id: 'teamwork', name: 'Teamwork.com', matches: [], selfHosted: false, optionalHosts: ['https://*.teamwork.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: TASK,
  places: [
    {
      // Task details (the task's page, or the panel over a list): after the task's name.
      name: 'task',
      anchor: '[data-task-details-section="main"] .items-start .text-default',
      position: 'after',
      read(anchor, page) {
        // Where the URL names no task (a panel over a list), the panel's "copy task id" button does.
        const copied = textOf(nearest(anchor, 'button[data-identifier="task-details-copy-task-id"]')).replace(/^#/, '');
        const project = textOf(nearest(anchor, 'a[data-identifier="project"]')) || pageProject(anchor.ownerDocument);
        return task(page, TASK.exec(page.pathname)?.[1] ?? copied, textOf(anchor), project);
      },
    },
    {
      // A task's row in a list: after its name.
      name: 'list-row',
      anchor: '[data-task-detail-panel-id] [data-identifier="list-view-task-name"]',
      position: 'after',
      read: (anchor, page) =>
        task(page, anchor.closest('[data-task-detail-panel-id]')?.getAttribute('data-task-detail-panel-id'), textOf(anchor), pageProject(anchor.ownerDocument)),
    },
    {
      // A task's row in a table (a project's, or everyone's work): after its name, a link to the task.
      name: 'table-row',
      anchor: '.TasksTableTask .table-cell-task-name-link',
      position: 'after',
      read(anchor, page) {
        const link = linkOf(anchor, page);
        const [, id] = (link?.origin === page.origin && /\/tasks\/(\d+)\/?$/.exec(link.pathname)) || [];
        const project = firstText(anchor.closest('.TasksTableTask'), '.TableViewRow__cell--project') || pageProject(anchor.ownerDocument);
        return task(page, id, textOf(anchor), project);
      },
    },
  ],
});
