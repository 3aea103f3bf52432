import { defineIntegration, type SiteInfo } from '../define';
import { firstText, linkOf } from '../read';

// YouTrack's current UI: Cloud (`*.youtrack.cloud`, `*.myjetbrains.com/youtrack`) and self-hosted,
// the issue page (`…/issue/ID-12/slug`) and the dialog an agile board opens (`…?issue=ID-12`):
// `youtrack_issue_<host>/<ID-12>`. Classes are hashed, so only `data-test`, aria-labels and links are read.
const ID = /^[A-Za-z][\w]*-\d+$/;
const IN_PATH = /^(.*?)\/issue\/([A-Za-z][\w]*-\d+)/;
const VIEW = '[role="dialog"], [data-test="issue-container"]';

export const about = {
  id: 'youtrack',
  name: 'YouTrack',
  matches: ['https://*.youtrack.cloud/*', 'https://*.myjetbrains.com/*'],
  selfHosted: true,
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /\/issue\/[A-Za-z][\w]*-\d+|[?&]issue=[A-Za-z][\w]*-\d+/,
  places: [
    {
      // Above the "created by … updated by …" line, under the summary.
      name: 'issue',
      anchor: '[data-test="reporter-info"]',
      position: 'before',
      read(anchor, page) {
        const doc = anchor.ownerDocument;
        const view = anchor.closest(VIEW) ?? doc;
        // A board's `?issue=`, an issue page's path, else the view's own id link.
        const [, root, inPath] = IN_PATH.exec(page.pathname) ?? [];
        const link = linkOf(view.querySelector('[class*="idLink"] a[href*="issue/"], a[id*="id-link"]'), page);
        const key = page.searchParams.get('issue') || inPath || IN_PATH.exec(link?.pathname ?? '')?.[2];
        if (!key || !ID.test(key)) return null;
        // A board's path says nothing of the install's sub-path (`/youtrack`); its `<base href>` does.
        const prefix = root ?? linkOf(doc.querySelector('base[href]'), page)?.pathname.replace(/\/$/, '') ?? '';
        return {
          externalId: `youtrack_issue_${page.host}/${key}`,
          key,
          title: firstText(view, 'h1[data-test="ticket-summary"]'),
          url: `${page.origin}${prefix}/issue/${key}`,
          project: firstText(view, '[aria-label="Project"] span[class^="fieldValue"]') || key.split('-')[0],
        };
      },
    },
  ],
});
