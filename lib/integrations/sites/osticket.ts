import { defineIntegration, type SiteInfo } from '../define';
import { firstText, linkOf } from '../read';

// osTicket 1.10–1.18, self-hosted only, often under a path (`/support`): the staff panel's ticket
// view, `<path>/scp/tickets.php?id=<id>`. The id is the ticket's row id, a number unique on the
// server; the heading shows the ticket number ("Ticket #512842", translated), which is the key
// `#512842`. External ids: `osticket_ticket_<host>[<path>]/<id>`. Server-rendered, with pjax.
const VIEW = /^(.*)\/scp\/tickets\.php$/;
const ID = /^\d+$/;

export const about = { id: 'osticket', name: 'osTicket', matches: [], selfHosted: true } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /\/scp\/tickets\.php\?(?:[^#]*&)?id=\d+(?:&|$)/,
  places: [
    {
      // The ticket's heading in the bar above it ("Ticket #512842"), after its number.
      name: 'ticket',
      url: /\/scp\/tickets\.php\?(?:[^#]*&)?id=\d+(?:&|$)/,
      anchor: '.sticky.bar .flush-left h2',
      position: 'inside',
      read(anchor, page) {
        const [, prefix] = VIEW.exec(page.pathname) ?? [];
        const id = page.searchParams.get('id');
        const doc = anchor.ownerDocument;
        // The heading's link reloads this ticket: a heading of another ticket (pjax still loading) is not this one's.
        const link = linkOf(anchor.querySelector('a'), page);
        if (prefix === undefined || !id || !ID.test(id) || link?.searchParams.get('id') !== id) return null;
        const number = /#\s*([\w-]+)\s*$/.exec(firstText(anchor, 'a'))?.[1];
        return {
          externalId: `osticket_ticket_${page.host}${prefix}/${id}`,
          key: number ? `#${number}` : '',
          title: firstText(doc, '.tixTitle h3'),
          url: `${page.origin}${prefix}/scp/tickets.php?id=${id}`,
          // The department: the third row of the left half of the ticket's summary (Status, Priority, Department).
          project: firstText(doc, 'table.ticket_info > tbody > tr > td:first-child > table > tbody > tr:nth-child(3) > td') || undefined,
        };
      },
    },
  ],
});
