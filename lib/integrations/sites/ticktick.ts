import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// TickTick's web app, ticktick.com/webapp (also www.ticktick.com). A task opens in the detail pane
// beside a list; the page's fragment names it last: `#p/<projectId>/tasks/<taskId>` (lists, `/kanban/`
// on boards), `#q/all/today/<taskId>` (smart lists), `#m/…/quadrant1/<taskId>` (Eisenhower matrix).
// Task ids are 24 letters and digits, unique across TickTick: external ids `ticktick_task_<taskId>`.
// Tasks have no key: the note is the title.
const TASK_IN_FRAGMENT = /^#[a-z]+\/(?:[^/]+\/)+([A-Za-z0-9]{24})\/?$/;

export const about = {
  id: 'ticktick',
  name: 'TickTick',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://ticktick.com/*', 'https://www.ticktick.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  // The task is in the fragment.
  hashRoutes: true,
  issuePages: /#[a-z]+\/(?:[^/]+\/)+[A-Za-z0-9]{24}\/?$/,
  places: [
    {
      // The top row of the detail pane (done box, date): first in it.
      name: 'task',
      anchor: '#task-detail-view #td-caption',
      position: 'prepend',
      read(anchor, page) {
        const [, id] = TASK_IN_FRAGMENT.exec(page.hash) ?? [];
        const pane = anchor.closest('#task-detail-view');
        if (!id || !pane) return null;
        return {
          externalId: `ticktick_task_${id}`,
          key: '',
          // The title is a CodeMirror editor: only its lines, not the text it measures with; no zero-width spaces.
          title: firstText(pane, '.task-title .CodeMirror-code').replace(/\u200B/g, '').trim(),
          url: `${page.origin}${page.pathname}${page.hash}`,
          project: firstText(pane, '.project-setting input') || undefined,
        };
      },
    },
  ],
});
