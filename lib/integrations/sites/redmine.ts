import { defineIntegration, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Redmine 4–6, self-hosted only, possibly under a sub-URI: `redmine_issue_redmine.example.org/123`,
// `redmine_issue_example.org/redmine/123`. Server-rendered; the framework still watches.
const ISSUE = /^(.*)\/issues\/(\d+)\/?$/;

export const about = { id: 'redmine', name: 'Redmine', matches: [], selfHosted: true } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /\/issues\/\d+\/?(\?|$)/,
  places: [
    {
      // "Bug #1": the button goes into the issue's heading, next to its number.
      name: 'issue',
      url: /\/issues\/\d+\/?(\?|$)/,
      anchor: '#content > h2',
      position: 'inside',
      read(anchor, page) {
        const doc = anchor.ownerDocument;
        const [, prefix, id] = ISSUE.exec(page.pathname) ?? [];
        if (prefix === undefined || !id || !doc.body.matches('.controller-issues.action-show')) return null;
        // Subprojects show their ancestors in the header, "Parent » Child".
        const project = firstText(doc, '#header h1 .current-project') || textOf(doc.querySelector('#header h1')).split('»').pop()?.trim();
        return {
          externalId: `redmine_issue_${page.host}${prefix}/${id}`,
          key: `#${id}`,
          title: firstText(doc, '#content .subject h3'),
          url: `${page.origin}${prefix}/issues/${id}`,
          project,
        };
      },
    },
  ],
});
