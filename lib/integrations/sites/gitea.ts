import { defineIntegration, type SiteInfo } from '../define';
import { nearest, textOf } from '../read';

// Gitea and Forgejo issues and pull requests (codeberg.org, gitea.com, self-hosted; the title
// block of Gitea 1.18 and later): `gitea_issue_<host>/<owner>/<repo>#<n>`, `gitea_pr_…`. An
// instance under a sub-path keeps it: `gitea_issue_example.com/git/owner/repo#5`.
const ITEM = /^(.*?)\/([^/]+)\/([^/]+)\/(issues|pulls)\/(\d+)(?:\/|$)/;

export const about = {
  id: 'gitea',
  name: 'Gitea / Forgejo',
  matches: ['https://codeberg.org/*', 'https://gitea.com/*'],
  selfHosted: true,
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: ITEM,
  places: [
    {
      // The line under the title ("Open · … opened … by …"), issues and pull requests alike.
      name: 'issue',
      url: ITEM,
      anchor: '.issue-title-meta',
      position: 'inside',
      read(anchor, page) {
        const [, prefix, owner, repo, kind, n] = ITEM.exec(page.pathname) ?? [];
        if (prefix === undefined || !owner || !repo || !n) return null;
        // The heading is the title followed by its `#n` badge.
        const heading = textOf(nearest(anchor, '#issue-title-display h1, .issue-title-header h1'));
        return {
          externalId: `gitea_${kind === 'pulls' ? 'pr' : 'issue'}_${page.host}${prefix}/${owner}/${repo}#${n}`,
          key: `#${n}`,
          title: heading.replace(new RegExp(`\\s*#${n}$`), ''),
          url: `${page.origin}${prefix}/${owner}/${repo}/${kind}/${n}`,
          project: `${owner}/${repo}`,
        };
      },
    },
  ],
});
