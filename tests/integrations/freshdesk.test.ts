// @vitest-environment happy-dom
import freshdesk from '@/lib/integrations/sites/freshdesk';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const URL_2046 = 'https://acme.freshdesk.com/a/tickets/2046';

describeView({
  integration: freshdesk,
  view: 'ticket page',
  fixture: 'freshdesk/ticket.html',
  url: URL_2046,
  issue: {
    externalId: 'freshdesk_ticket_acme.freshdesk.com/2046',
    key: '#2046',
    title: 'Order arrived damaged',
    url: URL_2046,
    project: 'Acme Shop',
  },
  note: '#2046 Order arrived damaged',
  container: '#mainactionbar',
  title: '.sentiment-ticket-heading',
  next: {
    url: '/a/tickets/2047',
    swap() {
      document.querySelector('.sentiment-ticket-heading')!.textContent = 'Refund not received';
    },
    issue: { externalId: 'freshdesk_ticket_acme.freshdesk.com/2047', key: '#2047', title: 'Refund not received' },
  },
});

describeView({
  integration: freshdesk,
  view: 'ticket page with the older subject heading',
  fixture: 'freshdesk/ticket.html',
  url: URL_2046,
  tweak(root) {
    root.querySelector('.sentiment-ticket-heading')?.setAttribute('class', 'ticket-subject-heading');
  },
  issue: {
    externalId: 'freshdesk_ticket_acme.freshdesk.com/2046',
    key: '#2046',
    title: 'Order arrived damaged',
    url: URL_2046,
    project: 'Acme Shop',
  },
  note: '#2046 Order arrived damaged',
  container: '#mainactionbar',
  title: '.ticket-subject-heading',
  next: {
    url: '/a/tickets/2047',
    swap() {
      document.querySelector('.ticket-subject-heading')!.textContent = 'Refund not received';
    },
    issue: { externalId: 'freshdesk_ticket_acme.freshdesk.com/2047', key: '#2047', title: 'Refund not received' },
  },
});

describePagesWithoutIssue(freshdesk, [
  { view: 'the ticket list', fixture: 'freshdesk/list.html', url: 'https://acme.freshdesk.com/a/tickets/filters/all_tickets' },
]);

describe('Freshdesk, more cases', () => {
  it.each([
    ['a ticket URL', URL_2046],
    ['a ticket URL with a query', 'https://acme.freshdesk.com/a/tickets/2046?current_tab=details'],
  ])('reads the ticket from %s', async (_, url) => {
    expect(await issuesOn(freshdesk, 'freshdesk/ticket.html', url)).toEqual([
      expect.objectContaining({ externalId: 'freshdesk_ticket_acme.freshdesk.com/2046', key: '#2046', url: URL_2046 }),
    ]);
  });

  it('keeps accounts apart by their host', async () => {
    const [issue] = await issuesOn(freshdesk, 'freshdesk/ticket.html', 'https://globex.freshdesk.com/a/tickets/2046');
    expect(issue).toMatchObject({ externalId: 'freshdesk_ticket_globex.freshdesk.com/2046' });
  });

  it('refuses paths that are no ticket ids', async () => {
    for (const path of ['/a/tickets/20x6', '/a/tickets/new', '/a/tickets/-2046', '/a/contacts/2046']) {
      expect(await issuesOn(freshdesk, 'freshdesk/ticket.html', `https://acme.freshdesk.com${path}`)).toEqual([]);
    }
  });

  it('places nothing in the action bar of a page without ticket details, even at a ticket’s URL', async () => {
    expect(await issuesOn(freshdesk, 'freshdesk/list.html', URL_2046)).toEqual([]);
  });

  it('names no project when the ticket has no product', async () => {
    const none = () => {
      const product = [...document.querySelectorAll('.label-field')].find((label) => label.textContent === 'Product')!;
      product.parentElement!.querySelector('.ember-power-select-selected-item')!.textContent = '--';
    };
    const [issue] = await issuesOn(freshdesk, 'freshdesk/ticket.html', URL_2046, none);
    expect(issue).toMatchObject({ externalId: 'freshdesk_ticket_acme.freshdesk.com/2046', project: undefined });
  });

  it('sends the subject only: never the message, the requester or their address', async () => {
    const [issue] = await issuesOn(freshdesk, 'freshdesk/ticket.html', URL_2046);
    const sent = JSON.stringify(issue);
    expect(issue).toBeDefined();
    for (const secret of ['tom.baker@example.com', 'Tom Baker', 'crushed', 'replacements', 'shipping']) expect(sent).not.toContain(secret);
  });
});
