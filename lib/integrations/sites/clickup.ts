import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText, linkOf, textOf } from '../read';

// app.clickup.com. TimeCamp's server-side ClickUp integration imports tasks as `task_<taskId>`, so
// the buttons use that id. A task's URL is `/t/<taskId>`, `/t/<workspaceId>/<taskId>`, or, where the
// workspace uses custom task ids, `/t/<workspaceId>/<customId>` (`DEV-42`): then the id comes from
// the page, and the custom id is the key.
const TASK_URL = /^\/t\/(?:\d+\/)?([^/?#]+)\/?$/;
const CUSTOM_ID = /^[A-Za-z][A-Za-z0-9]*-\d+$/;
const TASK_ID = /^[a-z0-9]+$/i;

function issue(page: URL, id: string | null | undefined, custom: string | undefined, title: string, project?: string): IssueFields | null {
  if (!id || !TASK_ID.test(id)) return null;
  return { externalId: `task_${id}`, key: custom ?? `#${id}`, title, url: `${page.origin}/t/${id}`, project: project || undefined };
}

/** The task id in a `/t/…` path, or the custom id it shows instead. */
function fromPath(path: string): { id?: string; custom?: string } {
  const [, last] = TASK_URL.exec(path) ?? [];
  return last && CUSTOM_ID.test(last) ? { custom: last } : { id: last };
}

export const about = { id: 'clickup', name: 'ClickUp', matches: [], selfHosted: false, optionalHosts: ['https://app.clickup.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/t\/[^/?#]+/,
  places: [
    {
      // The right-hand end of the task view's header (full page, or the modal over a list or board).
      name: 'task',
      anchor: '.cu-task-view-header__right',
      position: 'prepend',
      read(anchor, page) {
        const { id, custom } = fromPath(page.pathname);
        const view = anchor.closest('.cu-task-view__main, .cu-task-view__container') ?? anchor.ownerDocument;
        const crumbs = [...view.querySelectorAll('.cu-task-view-breadcrumbs__text')];
        // A custom id in the URL: the task id is on the view's root (the modal's `data-task-id`).
        const taskId = id ?? anchor.closest('[data-task-id]')?.getAttribute('data-task-id');
        return issue(page, taskId, custom, firstText(view, '.cu-task-title__overlay'), textOf(crumbs.at(-1)));
      },
    },
    {
      // A task's row in a list view, after its name.
      name: 'list-row',
      anchor: '.cu-task-row[data-id] .cu-task-row-main__link',
      position: 'after',
      read(anchor, page) {
        const row = anchor.closest('.cu-task-row[data-id]');
        const link = linkOf(anchor, page);
        const custom = link?.origin === page.origin ? fromPath(link.pathname).custom : undefined;
        return issue(page, row?.getAttribute('data-id'), custom, firstText(anchor, '.cu-task-row-main__link-text-inner') || textOf(anchor));
      },
    },
  ],
});
