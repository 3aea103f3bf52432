import { defineIntegration, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Freshdesk's agent app, `<subdomain>.freshdesk.com/a/tickets/<id>`. Ticket ids are numbers unique
// in an account; Freshdesk shows them as `#<id>` (the key). TimeCamp's own plugin sends no id for
// Freshdesk, so `freshdesk_ticket_<host>/<id>`. The project is the ticket's product, where it has one.
const TICKET = /^\/a\/tickets\/(\d+)\/?(?:\?|$)/;

/** The value of the ticket's "Product" field: '--' when it has none. */
function product(doc: Document): string | undefined {
  const label = [...doc.querySelectorAll('.label-field')].find((at) => textOf(at) === 'Product');
  const name = firstText(label?.parentElement, '.ember-power-select-selected-item');
  return name && name !== '--' ? name : undefined;
}

export const about = { id: 'freshdesk', name: 'Freshdesk', matches: [], selfHosted: false, optionalHosts: ['https://*.freshdesk.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: TICKET,
  places: [
    {
      // The left-hand actions of the ticket's action bar (Reply, Add note…): last among them.
      name: 'ticket',
      url: TICKET,
      anchor: '#mainactionbar .page-actions__left',
      position: 'inside',
      read(anchor, page) {
        const [, id] = TICKET.exec(page.pathname) ?? [];
        const doc = anchor.ownerDocument;
        // The action bar is on the ticket list too: a ticket is shown when its details are.
        const title = firstText(doc, '.sentiment-ticket-heading') || firstText(doc, '.ticket-subject-heading');
        if (!id || !title || !doc.getElementById('ticket-details')) return null;
        return { externalId: `freshdesk_ticket_${page.host}/${id}`, key: `#${id}`, title, url: `${page.origin}/a/tickets/${id}`, project: product(doc) };
      },
    },
  ],
});
