// @vitest-environment happy-dom
import zendesk from '@/lib/integrations/sites/zendesk';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const URL_4711 = 'https://acme.zendesk.com/agent/tickets/4711';
const ACTIVE = '.ticket-panes-grid-layout[data-is-active="true"]';

describeView({
  integration: zendesk,
  view: 'ticket tab',
  fixture: 'zendesk/ticket.html',
  url: URL_4711,
  issue: {
    externalId: 'zendesk_ticket_acme.zendesk.com/4711',
    key: '#4711',
    title: 'Cannot reset my password',
    url: URL_4711,
  },
  note: '#4711 Cannot reset my password',
  container: ACTIVE,
  title: `${ACTIVE} input[data-test-id="omni-header-subject"]`,
  next: {
    url: '/agent/tickets/4712',
    swap(pane) {
      pane.querySelector('[data-side-conversations-anchor-id]')!.setAttribute('data-side-conversations-anchor-id', '4712');
      pane.querySelector<HTMLInputElement>('input[data-test-id="omni-header-subject"]')!.value = 'Two-factor codes arrive late';
    },
    issue: { externalId: 'zendesk_ticket_acme.zendesk.com/4712', key: '#4712', title: 'Two-factor codes arrive late' },
  },
});

describePagesWithoutIssue(zendesk, [
  { view: 'a view, with a ticket still open as a tab', fixture: 'zendesk/views.html', url: 'https://acme.zendesk.com/agent/filters/360001234567' },
  { view: 'the dashboard', fixture: 'zendesk/views.html', url: 'https://acme.zendesk.com/agent/dashboard' },
]);

describe('Zendesk, more cases', () => {
  it.each([
    ['a ticket URL', URL_4711],
    ['a ticket’s events', 'https://acme.zendesk.com/agent/tickets/4711/events'],
    ['a ticket URL with a query', 'https://acme.zendesk.com/agent/tickets/4711?ref=email'],
  ])('reads the ticket from %s', async (_, url) => {
    expect(await issuesOn(zendesk, 'zendesk/ticket.html', url)).toEqual([
      expect.objectContaining({ externalId: 'zendesk_ticket_acme.zendesk.com/4711', key: '#4711', url: URL_4711 }),
    ]);
  });

  it('keeps accounts apart by their host', async () => {
    const [issue] = await issuesOn(zendesk, 'zendesk/ticket.html', 'https://globex.zendesk.com/agent/tickets/4711');
    expect(issue).toMatchObject({ externalId: 'zendesk_ticket_globex.zendesk.com/4711', url: 'https://globex.zendesk.com/agent/tickets/4711' });
  });

  it('gives the other open tab’s ticket when the URL names it, in its own tab', async () => {
    expect(await issuesOn(zendesk, 'zendesk/ticket.html', 'https://acme.zendesk.com/agent/tickets/4702')).toEqual([
      expect.objectContaining({ externalId: 'zendesk_ticket_acme.zendesk.com/4702', title: 'Invoice address is wrong' }),
    ]);
  });

  it('places nothing while the tab shown is still the previous ticket’s', async () => {
    expect(await issuesOn(zendesk, 'zendesk/ticket.html', 'https://acme.zendesk.com/agent/tickets/4799')).toEqual([]);
  });

  it('takes the active tab when the tabs carry no side-conversations anchor', async () => {
    const bare = () => document.querySelectorAll('[data-side-conversations-anchor-id]').forEach((at) => at.removeAttribute('data-side-conversations-anchor-id'));
    expect(await issuesOn(zendesk, 'zendesk/ticket.html', URL_4711, bare)).toEqual([
      expect.objectContaining({ externalId: 'zendesk_ticket_acme.zendesk.com/4711', title: 'Cannot reset my password' }),
    ]);
  });

  it('refuses ticket paths that are no Zendesk ticket ids', async () => {
    expect(await issuesOn(zendesk, 'zendesk/ticket.html', 'https://acme.zendesk.com/agent/tickets/new/1')).toEqual([]);
    expect(await issuesOn(zendesk, 'zendesk/ticket.html', 'https://acme.zendesk.com/agent/tickets/47x1')).toEqual([]);
  });

  it('waits for the subject: no button while the tab has none', async () => {
    const loading = () => document.querySelector(`${ACTIVE} input[data-test-id="omni-header-subject"]`)!.remove();
    expect(await issuesOn(zendesk, 'zendesk/ticket.html', URL_4711, loading)).toEqual([]);
  });

  it('sends the subject only: never the conversation, the requester or their address', async () => {
    const [issue] = await issuesOn(zendesk, 'zendesk/ticket.html', URL_4711);
    const sent = JSON.stringify(issue);
    expect(issue).toBeDefined();
    for (const secret of ['maria.lopez@example.com', 'Maria Lopez', 'reset link', 'expired']) expect(sent).not.toContain(secret);
  });
});
