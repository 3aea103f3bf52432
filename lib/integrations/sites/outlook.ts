import { defineIntegration, type SiteInfo } from '../define';
import { readEventTime, type EventTime } from '../event-time';
import { firstText, textOf } from '../read';

// Outlook on the web, mail: outlook.office.com and outlook.office365.com (work or school accounts),
// outlook.live.com (Outlook.com, `/mail/0/…`). The open conversation is named in the path:
// `/mail/[0/]<folder>/id/<id>` (inbox, sentitems, a folder's own id…) or the deep link
// `/mail/[0/]deeplink/readconv/<id>`. The id is Exchange's, base64 and URL-encoded in the path: a
// conversation's, or a message's where conversations are off. It is unique to the mailbox, so the
// host is left out. External ids: `outlook_mail_<id, decoded>`. Mail has no key: the note is the
// subject (never the text, a sender or an address). A calendar event opened in the reading pane is
// `/calendar/[0/]item/<id>` (or the deep link `/calendar/[0/]deeplink/read/<id>`): `outlook_event_<id>`,
// its title the note, its time line read by `event-time.ts` so that a past event can become an entry.
const OPEN = /^\/mail\/(?:[^/?#]+\/)*?(?:id|deeplink\/readconv)\/([^/?#]+)\/?(?:\?|$)/;
const EVENT = /^\/calendar\/(?:0\/)?(?:item|deeplink\/read)\/([^/?#]+)\/?(?:\?|$)/;
const ID = /^[A-Za-z0-9+/=_-]{20,400}$/;
const HEADING = 'div[role="heading"]';

function itemId(path: string, route: RegExp): string | null {
  const [, raw = ''] = route.exec(path) ?? [];
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

/** The event's time: the first line of the pane that reads as one ("Tue 12/1/2026 10:00 AM - 11:30 AM"). */
function eventTime(pane: Element): EventTime | null {
  for (const line of pane.querySelectorAll('div, span')) {
    if (line.childElementCount > 0) continue;
    const time = readEventTime(textOf(line));
    if (time) return time;
  }
  return null;
}

export default defineIntegration(about, {
  issuePages: new RegExp(`${OPEN.source}|${EVENT.source}`),
  places: [
    {
      // The subject above the conversation in the reading pane: in it, after the text.
      name: 'conversation',
      url: OPEN,
      anchor: [`[role="main"] ${HEADING}.allowTextSelection`, `[aria-label="Reading Pane"] ${HEADING}[title]`],
      position: 'inside',
      read(anchor, page) {
        const id = itemId(page.pathname, OPEN);
        const pane = anchor.closest('[aria-label="Reading Pane"], [role="main"]');
        // The subject is the pane's first heading; any under it belong to the messages (their senders).
        if (!id || pane?.querySelector(HEADING) !== anchor) return null;
        return { externalId: `outlook_mail_${id}`, key: '', title: textOf(anchor), url: `${page.origin}${page.pathname}` };
      },
    },
    {
      // An event in the calendar's reading pane: at the end of its top bar, as Clockify places its button.
      name: 'event',
      url: EVENT,
      anchor: '[data-app-section="ReadingPane"] #TopBar',
      position: 'inside',
      read(anchor, page) {
        const id = itemId(page.pathname, EVENT);
        const pane = anchor.closest('[data-app-section="ReadingPane"]');
        if (!id || !pane) return null;
        return { externalId: `outlook_event_${id}`, key: '', title: firstText(pane, '.CWGkB'), url: `${page.origin}${page.pathname}`, event: eventTime(pane) };
      },
    },
  ],
});
