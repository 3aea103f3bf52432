import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// app.asana.com task panes (beside a list, board or inbox, or full screen). TimeCamp's server-side
// Asana integration imports tasks as `asana_<taskId>`, so the buttons use that id. Asana tasks
// have no key: the note is the title.
const TASK_IN_PATH = /\/task\/(\d+)|^\/0\/.+\/(\d+)(?:\/f)?\/?$/;
const PROJECT = '.TaskProjectTokenPill-name, .TaskPaneFields-projectHeader a.HiddenNavigationLink, .TaskAncestry-ancestorProjects a';

export const about = { id: 'asana', name: 'Asana', matches: ['https://app.asana.com/*'], selfHosted: false } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /\/task\/\d+|^\/0\/\d+\/\d+|[?&]child=\d+/,
  places: [
    {
      // The pane's toolbar, right after its "…" menu. The pane says which task it shows; the URL
      // (`/1/<ws>/project/<p>/task/<id>`, legacy `/0/<p>/<id>`, search `?child=<id>`) is the fallback.
      name: 'task-pane',
      anchor: '.TaskPane .TaskPaneExtraActionsButton',
      position: 'after',
      read(anchor, page) {
        const pane = anchor.closest('.TaskPane');
        const [, task, legacy] = TASK_IN_PATH.exec(page.pathname) ?? [];
        const id = pane?.getAttribute('data-task-id') || page.searchParams.get('child') || task || legacy;
        if (!id || !/^\d+$/.test(id)) return null;
        return {
          externalId: `asana_${id}`,
          key: '',
          title: firstText(pane, '.TaskPaneTitle textarea, .TitleInput textarea, [role="heading"] textarea'),
          // Asana's own permalink form, which opens the task whatever project it is in.
          url: `${page.origin}/0/0/${id}/f`,
          project: firstText(pane, PROJECT) || undefined,
        };
      },
    },
  ],
});
