// @vitest-environment happy-dom
import osticket from '@/lib/integrations/sites/osticket';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const BASE = 'https://help.example.org/support/scp/tickets.php';
const TICKET = {
  externalId: 'osticket_ticket_help.example.org/support/42',
  key: '#512842',
  title: 'Invoice PDF shows the wrong VAT rate',
  url: `${BASE}?id=42`,
  project: 'Billing',
};

describeView({
  integration: osticket,
  view: 'ticket view',
  fixture: 'osticket/ticket.html',
  url: `${BASE}?id=42`,
  issue: TICKET,
  note: '#512842 Invoice PDF shows the wrong VAT rate',
  container: '#content',
  title: '.tixTitle h3',
  next: {
    url: '/support/scp/tickets.php?id=43',
    swap(content) {
      const link = content.querySelector('.flush-left h2 a')!;
      link.setAttribute('href', 'tickets.php?id=43');
      link.lastChild!.textContent = ' Ticket #730115';
      content.querySelector('.tixTitle h3')!.textContent = 'Password reset mail never arrives';
    },
    issue: { externalId: 'osticket_ticket_help.example.org/support/43', key: '#730115', title: 'Password reset mail never arrives' },
  },
});

describePagesWithoutIssue(osticket, [
  { view: 'a ticket queue', fixture: 'osticket/queue.html', url: `${BASE}?queue=1` },
  { view: 'a search for a user’s tickets', fixture: 'osticket/queue.html', url: `${BASE}?a=search&uid=7` },
]);

describe('osTicket, more cases', () => {
  it.each([
    ['a ticket URL', `${BASE}?id=42`],
    ['a ticket URL scrolled to a thread entry', `${BASE}?id=42#entry-88`],
    ['a ticket URL with more in the query', `${BASE}?id=42&_pjax=%23pjax-container`],
  ])('reads the ticket from %s', async (_, url) => {
    expect(await issuesOn(osticket, 'osticket/ticket.html', url)).toEqual([{ integration: 'osticket', ...TICKET }]);
  });

  it('keeps the host and the path of the installation in the id', async () => {
    expect(await issuesOn(osticket, 'osticket/ticket.html', 'https://tickets.example.com/scp/tickets.php?id=42')).toEqual([
      expect.objectContaining({ externalId: 'osticket_ticket_tickets.example.com/42', url: 'https://tickets.example.com/scp/tickets.php?id=42' }),
    ]);
  });

  it('reads a ticket number in a custom format and a translated heading', async () => {
    const tweak = () => (document.querySelector('.flush-left h2 a')!.lastChild!.textContent = ' Zgłoszenie #TKT-0042');
    expect(await issuesOn(osticket, 'osticket/ticket.html', `${BASE}?id=42`, tweak)).toEqual([expect.objectContaining({ key: '#TKT-0042' })]);
  });

  it('places no button while the heading is another ticket’s (pjax still loading)', async () => {
    expect(await issuesOn(osticket, 'osticket/ticket.html', `${BASE}?id=43`)).toEqual([]);
  });

  it.each([
    ['an id that is no number', `${BASE}?id=42abc`],
    ['a task, not a ticket', 'https://help.example.org/support/scp/tasks.php?id=42'],
    ['the client portal', 'https://help.example.org/support/tickets.php?id=42'],
  ])('refuses %s', async (_, url) => {
    expect(await issuesOn(osticket, 'osticket/ticket.html', url)).toEqual([]);
  });

  it('never sends the thread, the user or their address', async () => {
    const [issue] = await issuesOn(osticket, 'osticket/ticket.html', `${BASE}?id=42`);
    const sent = JSON.stringify(issue);
    for (const text of ['21%', '010-4477', 'Kevin Walsh', 'kevin.walsh@example.com', '@']) expect(sent).not.toContain(text);
  });
});
