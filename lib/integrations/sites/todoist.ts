import { defineIntegration, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Todoist's web app, app.todoist.com (older links: todoist.com/app). A task's page is
// `/app/task/<slug>-<taskId>` (or `/app/task/<taskId>`); its id is the URL's last part after a
// hyphen. External ids: `todoist_<taskId>`. Tasks have no key: the note is the title.
const TASK = /^\/app\/task\/(?:[^/?#]*-)?([A-Za-z0-9]+)\/?(?:\?|$)/;
const ID = /^[A-Za-z0-9]+$/;

const task = (page: URL, id: string, title: string, project: string) => ({
  externalId: `todoist_${id}`,
  key: '',
  title,
  url: `${page.origin}/app/task/${id}`,
  project: project || undefined,
});

export const about = {
  id: 'todoist',
  name: 'Todoist',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://app.todoist.com/*', 'https://todoist.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: TASK,
  places: [
    {
      // The buttons at the top of the task's dialog (previous, next, more, close): first among them.
      name: 'task',
      url: TASK,
      anchor: '[data-testid="task-details-modal"] [data-testid="button-container"]',
      position: 'prepend',
      read(anchor, page) {
        const [, id] = TASK.exec(page.pathname) ?? [];
        const modal = anchor.closest('[data-testid="task-details-modal"]');
        const detail = modal?.querySelector('[data-item-detail-root]');
        if (!id) return null;
        const title = firstText(modal, '.task-overview-content .task_content') || (detail?.getAttribute('data-item-content') ?? '').trim();
        const project = detail?.getAttribute('data-item-project-name') || firstText(modal, '[data-testid="task-detail-default-header"] a');
        return task(page, id, title, project);
      },
    },
    {
      // A task's row in a list (project, Today, Upcoming, filters): first among its hover actions.
      name: 'list-item',
      anchor: '.task_list_item[data-item-id] .task_list_item__actions',
      position: 'prepend',
      read(anchor, page) {
        const row = anchor.closest('.task_list_item[data-item-id]');
        const id = row?.getAttribute('data-item-id');
        if (!row || !id || !ID.test(id)) return null;
        // The row names its project outside a project (Today, Upcoming); a project's page has it as its heading.
        const project = firstText(row, '.task_list_item__project') || textOf(anchor.ownerDocument.querySelector('.project_view header h1'));
        return task(page, id, firstText(row, '.task_list_item__content .task_content'), project);
      },
    },
  ],
});
