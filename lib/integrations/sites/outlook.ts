import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// Outlook on the web, mail: outlook.office.com and outlook.office365.com (work or school accounts),
// outlook.live.com (Outlook.com, `/mail/0/…`). The open conversation is named in the path:
// `/mail/[0/]<folder>/id/<id>` (inbox, sentitems, a folder's own id…) or the deep link
// `/mail/[0/]deeplink/readconv/<id>`. The id is Exchange's, base64 and URL-encoded in the path: a
// conversation's, or a message's where conversations are off. It is unique to the mailbox, so the
// host is left out. External ids: `outlook_mail_<id, decoded>`. Mail has no key: the note is the
// subject (never the text, a sender or an address). The calendar is not served here.
const OPEN = /^\/mail\/(?:[^/?#]+\/)*?(?:id|deeplink\/readconv)\/([^/?#]+)\/?(?:\?|$)/;
const ID = /^[A-Za-z0-9+/=_-]{20,400}$/;
const HEADING = 'div[role="heading"]';

function mailId(path: string): string | null {
  const [, raw = ''] = OPEN.exec(path) ?? [];
  try {
    const id = decodeURIComponent(raw);
    return ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

export const about = {
  id: 'outlook',
  name: 'Outlook',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: OPEN,
  places: [
    {
      // The subject above the conversation in the reading pane: in it, after the text.
      name: 'conversation',
      url: OPEN,
      anchor: [`[role="main"] ${HEADING}.allowTextSelection`, `[aria-label="Reading Pane"] ${HEADING}[title]`],
      position: 'inside',
      read(anchor, page) {
        const id = mailId(page.pathname);
        const pane = anchor.closest('[aria-label="Reading Pane"], [role="main"]');
        // The subject is the pane's first heading; any under it belong to the messages (their senders).
        if (!id || pane?.querySelector(HEADING) !== anchor) return null;
        return { externalId: `outlook_mail_${id}`, key: '', title: textOf(anchor), url: `${page.origin}${page.pathname}` };
      },
    },
  ],
});
