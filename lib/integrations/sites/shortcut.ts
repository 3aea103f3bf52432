import { defineIntegration, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Shortcut (formerly Clubhouse), app.shortcut.com. A story opens as a dialog over a board or list,
// or as a page, at `/<workspace>/story/<id>/<slug>`; the dialog's "Story ID" field holds the same
// number. Story ids are numbered per workspace, so external ids are
// `shortcut_story_<workspace>/<id>`; the key is `sc-<id>`, as Shortcut writes story references.
const STORY = /^\/([A-Za-z0-9_-]+)\/story\/(\d+)(?:[/?#]|$)/;
const ID = /^\d+$/;

export const about = { id: 'shortcut', name: 'Shortcut', matches: [], selfHosted: false, optionalHosts: ['https://app.shortcut.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: STORY,
  places: [
    {
      // Beside the story's State in the dialog's attributes; failing that, after the attributes.
      name: 'story',
      url: STORY,
      anchor: ['.story-details #story-dialog-state-dropdown', '.story-details .story-attributes'],
      position: 'after',
      read(anchor, page) {
        const [, workspace, fromUrl] = STORY.exec(page.pathname) ?? [];
        const story = anchor.closest('.story-details');
        // The story the dialog shows, which the URL names too (read from the field when there is one).
        const field = story?.querySelector('.story-id input');
        const id = field ? textOf(field) : fromUrl;
        if (!story || !workspace || !id || !ID.test(id)) return null;
        return {
          externalId: `shortcut_story_${workspace}/${id}`,
          key: `sc-${id}`,
          title: firstText(story, 'h2.story-name'),
          url: `${page.origin}/${workspace}/story/${id}`,
          // The story's epic (older workspaces: its project).
          project: firstText(story, '.story-epic .value') || firstText(story, '.story-project .value') || undefined,
        };
      },
    },
  ],
});
