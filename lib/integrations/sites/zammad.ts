import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// Zammad's agent interface (cloud `<name>.zammad.com`, or a Zammad of one's own) is one page that
// routes in the hash: a ticket is `#ticket/zoom/<id>` (also `…/<articleId>` and `…/nav/<flag>`). Ids
// are numbers, unique on a host; the ticket number shown beside the title (`Ticket#31001`) is the key,
// `#31001`. Each open ticket keeps its own view, `#content_permanent_Ticket-<id>`, so the view must be
// the URL's ticket's. External ids: `zammad_ticket_<host>/<id>`; the project is the customer's
// organization, as the sidebar names it (never the customer or an address).
const ZOOM = /#ticket\/zoom\/(\d+)(?:\/[^/?#]*)*\/?$/;
const CONTENT = 'content_permanent_Ticket-';

export const about = { id: 'zammad', name: 'Zammad', matches: [], selfHosted: true, optionalHosts: ['https://*.zammad.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  hashRoutes: true,
  issuePages: ZOOM,
  places: [
    {
      // The controls above the ticket's header (overview navigator): the button goes last in them.
      name: 'ticket',
      anchor: '.ticketZoom-controls',
      position: 'inside',
      read(anchor, page) {
        const [, id] = ZOOM.exec(page.hash) ?? [];
        const view = anchor.closest(`[id^="${CONTENT}"]`);
        const zoom = anchor.closest('.ticketZoom');
        // A hidden tab of another ticket, or a view still showing the previous one.
        if (!id || !zoom || (view && view.id !== CONTENT + id)) return null;
        const number = firstText(zoom, '.ticketZoom-header .ticket-number');
        return {
          externalId: `zammad_ticket_${page.host}/${id}`,
          key: /^\d+$/.test(number) ? `#${number}` : '',
          title: firstText(zoom, '.ticketZoom-header .ticket-title-update'),
          url: `${page.origin}/#ticket/zoom/${id}`,
          project: firstText(view, '[data-tab="organization"] h3[title]') || undefined,
        };
      },
    },
  ],
});
