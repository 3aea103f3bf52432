import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Wrike, on www.wrike.com and the data centres app-eu.wrike.com and app-us2.wrike.com. The
// workspace is one page, `/workspace.htm?acc=<account>`, and the hash names the task it shows:
// `#/task-view?id=<id>` (full page), `…?sidePanelItemId=<id>` (side panel of a list, board or
// table), `…?overlayEntityId=<id>` (opened over another view), `#/inbox/work_item/<id>`. Ids are
// numbers, the ones Wrike's permalinks use (`/open.htm?id=<id>`). TimeCamp's own plugin sends no id
// for Wrike, so `wrike_task_<id>`. Tasks show no key: the note is the title.
const ID = /^\d+$/;

/** The task the hash names: the one on top (an overlay) first. */
function taskId(page: URL): string | null {
  const [path = '', query = ''] = page.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const id =
    params.get('overlayEntityId') ??
    params.get('sidePanelItemId') ??
    /^inbox\/(?:work_item|task)\/(\d+)$/.exec(path)?.[1] ??
    (path === 'task-view' ? params.get('id') : null);
  return id && ID.test(id) ? id : null;
}

function task(anchor: Element, page: URL): IssueFields | null {
  const id = taskId(page);
  const view = anchor.closest('.work-item-view');
  if (!id || !view) return null;
  // A task filed in several folders or projects has no one project.
  const locations = view.querySelectorAll('.work-item-location .chip__content');
  return {
    externalId: `wrike_task_${id}`,
    key: '',
    title: textOf(view.querySelector('[data-application="work-item-title"] textarea')) || firstText(view, '.work-item-title .title__ghost'),
    url: `${page.origin}/open.htm?id=${id}`,
    project: locations.length === 1 ? textOf(locations[0]) : undefined,
  };
}

export const about = {
  id: 'wrike',
  name: 'Wrike',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://www.wrike.com/*', 'https://app-eu.wrike.com/*', 'https://app-us2.wrike.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  // Every page is `/workspace.htm?acc=…`: the task is in the hash.
  hashRoutes: true,
  issuePages: /#\/?(?:task-view\?(?:[^#]*&)?id=\d|inbox\/(?:work_item|task)\/\d|[^?#]*\?(?:[^#]*&)?(?:sidePanelItemId|overlayEntityId)=\d)/,
  places: [
    {
      // The action panel at the right of the task view's header (full page, side panel or overlay): first in it.
      name: 'task',
      anchor: ['.work-item-view .work-item-header__action-panel', '.work-item-view .work-item-header .action-panel'],
      position: 'prepend',
      read: task,
    },
  ],
});
