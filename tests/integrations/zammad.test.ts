// @vitest-environment happy-dom
import zammad from '@/lib/integrations/sites/zammad';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const TICKET = {
  externalId: 'zammad_ticket_support.zammad.com/42',
  key: '#31042',
  title: 'Printer on floor 3 prints blank pages',
  url: 'https://support.zammad.com/#ticket/zoom/42',
  project: 'Zammad Foundation',
};

describeView({
  integration: zammad,
  view: 'ticket',
  fixture: 'zammad/ticket.html',
  url: 'https://support.zammad.com/#ticket/zoom/42',
  issue: TICKET,
  note: '#31042 Printer on floor 3 prints blank pages',
  container: '.content.active',
  title: '.ticketZoom-header .ticket-title-update',
  next: {
    url: '/#ticket/zoom/43',
    swap(view) {
      view.id = 'content_permanent_Ticket-43';
      view.querySelector('.ticketZoom-header .ticket-number')!.textContent = '31043';
      view.querySelector('.ticketZoom-header .ticket-title-update')!.textContent = 'VPN drops every hour';
    },
    issue: { externalId: 'zammad_ticket_support.zammad.com/43', key: '#31043', title: 'VPN drops every hour' },
  },
});

describePagesWithoutIssue(zammad, [
  { view: 'an overview', fixture: 'zammad/overview.html', url: 'https://support.zammad.com/#ticket/view/all_open' },
  { view: 'the dashboard', fixture: 'zammad/overview.html', url: 'https://support.zammad.com/#dashboard' },
]);

describe('Zammad, more cases', () => {
  it.each([
    ['a ticket URL', 'https://support.zammad.com/#ticket/zoom/42'],
    ['a link to one of its articles', 'https://support.zammad.com/#ticket/zoom/42/117'],
    ['the overview navigator', 'https://support.zammad.com/#ticket/zoom/42/nav/true'],
  ])('reads the ticket from %s', async (_, url) => {
    expect(await issuesOn(zammad, 'zammad/ticket.html', url)).toEqual([{ integration: 'zammad', ...TICKET }]);
  });

  it('keeps the host in the id: a self-hosted Zammad on its own domain', async () => {
    expect(await issuesOn(zammad, 'zammad/ticket.html', 'https://helpdesk.example.org/#ticket/zoom/42')).toEqual([
      expect.objectContaining({ externalId: 'zammad_ticket_helpdesk.example.org/42', url: 'https://helpdesk.example.org/#ticket/zoom/42' }),
    ]);
  });

  it('places no button while the view is another ticket’s (a tab still open, or the next one loading)', async () => {
    expect(await issuesOn(zammad, 'zammad/ticket.html', 'https://support.zammad.com/#ticket/zoom/43')).toEqual([]);
  });

  it.each([
    ['a ticket number instead of an id', 'https://support.zammad.com/#ticket/zoom/number/31042'],
    ['no number', 'https://support.zammad.com/#ticket/zoom/abc'],
    ['the ticket form', 'https://support.zammad.com/#ticket/create'],
  ])('refuses %s', async (_, url) => {
    expect(await issuesOn(zammad, 'zammad/ticket.html', url)).toEqual([]);
  });

  it('leaves the key empty when the page shows no ticket number, and the project out without an organization', async () => {
    const tweak = () => {
      document.querySelector('.ticketZoom-header .ticket-number')!.remove();
      document.querySelector('[data-tab="organization"]')!.remove();
    };
    const [issue] = await issuesOn(zammad, 'zammad/ticket.html', 'https://support.zammad.com/#ticket/zoom/42', tweak);
    expect(issue).toMatchObject({ key: '', title: TICKET.title });
    expect(issue!.project).toBeUndefined();
  });

  it('never sends the article’s body, the customer or an address', async () => {
    const [issue] = await issuesOn(zammad, 'zammad/ticket.html', 'https://support.zammad.com/#ticket/zoom/42');
    const sent = JSON.stringify(issue);
    for (const text of ['blank. Call', '+49', 'nicole.braun@example.com', 'Nicole Braun', '@']) expect(sent).not.toContain(text);
  });
});
