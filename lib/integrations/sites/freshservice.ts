import { defineIntegration, type Place, type SiteInfo } from '../define';
import { firstText } from '../read';

// Freshservice, `<subdomain>.freshservice.com/a/tickets/<id>` (the agent app since 2023) and
// `/helpdesk/tickets/<id>` (the older one). A ticket's id is a number unique in an account; the app
// shows it with its type, `#INC-<id>` or `#SR-<id>` (the key). TimeCamp's own plugin sends no id for
// Freshservice (only "[#INC-42] subject"), so `freshservice_ticket_<host>/<id>`.
const TICKET = /^\/(a|helpdesk)\/tickets\/(\d+)\/?(?:\?|$)/;
const SHOWN = /^#?([A-Z]+)-(\d+)$/;

/** A ticket view: where its subject and shown id are. The shown id must be the URL's (not the previous ticket's). */
const ticket = (name: string, app: string, anchor: string[], subject: string[], shown: string[]): Place => ({
  name,
  url: TICKET,
  anchor,
  position: 'inside',
  read(at, page) {
    const [, path, id] = TICKET.exec(page.pathname) ?? [];
    const doc = at.ownerDocument;
    const pick = (selectors: string[]) => selectors.map((s) => firstText(doc, s)).find(Boolean) ?? '';
    const [, type, n] = SHOWN.exec(pick(shown)) ?? [];
    const title = pick(subject);
    if (path !== app || !id || (n && n !== id) || !title) return null;
    return { externalId: `freshservice_ticket_${page.host}/${id}`, key: `#${type ? `${type}-` : ''}${id}`, title, url: `${page.origin}/${app}/tickets/${id}` };
  },
});

export const about = { id: 'freshservice', name: 'Freshservice', matches: [], selfHosted: false, optionalHosts: ['https://*.freshservice.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: TICKET,
  places: [
    // The ticket's quick actions (else its tabs: Details, Associations…): last in them.
    ticket('ticket', 'a', ['.tkt-quick-action', '.ticket-tabs .multitab-navlist'], ['[data-test-id="subject-text"]', '.summary-content .subject-text'], [
      '[data-test-id="ticket-human-display-id"]',
      '.ember-breadcrumbs h3',
    ]),
    // The older app: the right-hand end of the ticket's sticky header.
    ticket('helpdesk-ticket', 'helpdesk', ['#sticky_header.tkt-details-sticky .sticky_right'], ['#ticket_original_request_section .subject'], ['.ticket_header span']),
  ],
});
