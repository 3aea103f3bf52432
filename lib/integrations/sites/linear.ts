import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// linear.app issue views, `/<workspace>/issue/<KEY-12>/<slug>`: `linear_issue_<workspace>/<KEY-12>`.
// Linear's class names are generated: only aria-labels, data attributes and the URL are read.
const ISSUE = /^\/([^/]+)\/issue\/([A-Za-z][A-Za-z0-9]*-\d+)(?:\/|$)/;

const VIEW = '[data-view-id="issue-view"]';

// The issue's properties are a column beside the view, not inside it: the view's grandparent
// holds both. The project's name follows its icon there.
function projectOf(view: Element | null): string {
  for (const icon of view?.parentElement?.parentElement?.querySelectorAll('svg[aria-label="Project"]') ?? []) {
    if (!view!.contains(icon)) return textOf(icon.nextElementSibling);
  }
  return '';
}

export const about = { id: 'linear', name: 'Linear', matches: ['https://linear.app/*'], selfHosted: false } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: ISSUE,
  places: [
    {
      // Under the issue's title (an editable field), in the issue view.
      name: 'issue',
      url: ISSUE,
      anchor: `${VIEW} [aria-label="Issue title"]`,
      position: 'after',
      read(anchor, page) {
        const [, workspace, key] = ISSUE.exec(page.pathname) ?? [];
        if (!workspace || !key) return null;
        return {
          externalId: `linear_issue_${workspace}/${key}`,
          key,
          title: textOf(anchor),
          url: `${page.origin}/${workspace}/issue/${key}`,
          project: projectOf(anchor.closest(VIEW)) || undefined,
        };
      },
    },
  ],
});
