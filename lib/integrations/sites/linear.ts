import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// linear.app issue views, `/<workspace>/issue/<KEY-12>/<slug>`: `linear_issue_<workspace>/<KEY-12>`.
// Linear's class names are generated: only aria-labels, data attributes and the URL are read.
const ISSUE = /^\/([^/]+)\/issue\/([A-Za-z][A-Za-z0-9]*-\d+)(?:\/|$)/;

export const about = { id: 'linear', name: 'Linear', matches: ['https://linear.app/*'], selfHosted: false } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: ISSUE,
  places: [
    {
      // Under the issue's title (an editable field), in the issue view.
      name: 'issue',
      url: ISSUE,
      anchor: '[data-view-id="issue-view"] [aria-label="Issue title"]',
      position: 'after',
      read(anchor, page) {
        const [, workspace, key] = ISSUE.exec(page.pathname) ?? [];
        if (!workspace || !key) return null;
        // The project's name follows its icon in the issue's properties.
        const project = anchor.closest('[data-view-id="issue-view"]')?.querySelector('svg[aria-label="Project"]')?.nextElementSibling;
        return {
          externalId: `linear_issue_${workspace}/${key}`,
          key,
          title: textOf(anchor),
          url: `${page.origin}/${workspace}/issue/${key}`,
          project: textOf(project) || undefined,
        };
      },
    },
  ],
});
