// @vitest-environment happy-dom
import freshservice from '@/lib/integrations/sites/freshservice';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const URL_42 = 'https://acme.freshservice.com/a/tickets/42';
const ISSUE_42 = {
  externalId: 'freshservice_ticket_acme.freshservice.com/42',
  key: '#INC-42',
  title: 'Laptop does not connect to the office VPN',
  url: URL_42,
};
const NEXT = {
  url: '/a/tickets/43',
  swap() {
    document.querySelector('[data-test-id="ticket-human-display-id"]')!.textContent = '#INC-43';
    document.querySelector('[data-test-id="subject-text"]')!.textContent = 'Outlook asks for the password again and again';
  },
  issue: { externalId: 'freshservice_ticket_acme.freshservice.com/43', key: '#INC-43', title: 'Outlook asks for the password again and again' },
};

describeView({
  integration: freshservice,
  view: 'ticket page',
  fixture: 'freshservice/ticket.html',
  url: URL_42,
  issue: ISSUE_42,
  note: '#INC-42 Laptop does not connect to the office VPN',
  // Holds both anchors: without the quick actions, the button goes to the tabs.
  container: 'main',
  title: '[data-test-id="subject-text"]',
  next: {
    ...NEXT,
    swap(main) {
      main.querySelector('[data-test-id="ticket-human-display-id"]')!.textContent = '#INC-43';
      main.querySelector('[data-test-id="subject-text"]')!.textContent = 'Outlook asks for the password again and again';
    },
  },
});

describeView({
  integration: freshservice,
  view: 'ticket page without quick actions (the tabs)',
  fixture: 'freshservice/ticket.html',
  url: URL_42,
  tweak: (root) => root.querySelector('.tkt-quick-action')?.remove(),
  issue: ISSUE_42,
  note: '#INC-42 Laptop does not connect to the office VPN',
  container: '.ticket-tabs',
  title: '[data-test-id="subject-text"]',
  next: NEXT,
});

describeView({
  integration: freshservice,
  view: 'older helpdesk ticket page',
  fixture: 'freshservice/helpdesk-ticket.html',
  url: 'https://acme.freshservice.com/helpdesk/tickets/38',
  issue: {
    externalId: 'freshservice_ticket_acme.freshservice.com/38',
    key: '#SR-38',
    title: 'New starter needs a laptop and an e-mail account',
    url: 'https://acme.freshservice.com/helpdesk/tickets/38',
  },
  note: '#SR-38 New starter needs a laptop and an e-mail account',
  container: '#sticky_header',
  title: '#ticket_original_request_section .subject',
  next: {
    url: '/helpdesk/tickets/39',
    swap(header) {
      header.querySelector('.ticket_header span')!.textContent = '#SR-39';
      document.querySelector('#ticket_original_request_section .subject')!.textContent = 'Access to the shared finance drive';
    },
    issue: { externalId: 'freshservice_ticket_acme.freshservice.com/39', key: '#SR-39', title: 'Access to the shared finance drive' },
  },
});

describePagesWithoutIssue(freshservice, [{ view: 'the ticket list', fixture: 'freshservice/list.html', url: 'https://acme.freshservice.com/a/tickets' }]);

describe('Freshservice, more cases', () => {
  it.each([
    ['a ticket URL', URL_42],
    ['a ticket URL with a query', 'https://acme.freshservice.com/a/tickets/42?current_tab=details'],
  ])('reads the ticket from %s', async (_, url) => {
    expect(await issuesOn(freshservice, 'freshservice/ticket.html', url)).toEqual([expect.objectContaining(ISSUE_42)]);
  });

  it('keeps accounts apart by their host', async () => {
    const [issue] = await issuesOn(freshservice, 'freshservice/ticket.html', 'https://globex.freshservice.com/a/tickets/42');
    expect(issue).toMatchObject({ externalId: 'freshservice_ticket_globex.freshservice.com/42' });
  });

  it('shows a service request’s id as the app does', async () => {
    const request = () => (document.querySelector('[data-test-id="ticket-human-display-id"]')!.textContent = 'SR-42');
    expect(await issuesOn(freshservice, 'freshservice/ticket.html', URL_42, request)).toEqual([expect.objectContaining({ key: '#SR-42' })]);
  });

  it('reads the breadcrumb and the summary where the page has no test ids (Toggl’s selectors)', async () => {
    const plain = () => document.querySelectorAll('[data-test-id]').forEach((at) => at.removeAttribute('data-test-id'));
    expect(await issuesOn(freshservice, 'freshservice/ticket.html', URL_42, plain)).toEqual([expect.objectContaining(ISSUE_42)]);
  });

  it('keys the ticket by its number when the page shows no typed id', async () => {
    const bare = () => document.querySelector('.ember-breadcrumbs h3')!.remove();
    expect(await issuesOn(freshservice, 'freshservice/ticket.html', URL_42, bare)).toEqual([expect.objectContaining({ ...ISSUE_42, key: '#42' })]);
  });

  it('places nothing while the page still shows the previous ticket', async () => {
    expect(await issuesOn(freshservice, 'freshservice/ticket.html', 'https://acme.freshservice.com/a/tickets/43')).toEqual([]);
  });

  it('refuses paths that are no ticket ids, and each app’s page at the other’s path', async () => {
    for (const path of ['/a/tickets/4x2', '/a/tickets/new', '/helpdesk/tickets/42', '/support/tickets/42']) {
      expect(await issuesOn(freshservice, 'freshservice/ticket.html', `https://acme.freshservice.com${path}`)).toEqual([]);
    }
    expect(await issuesOn(freshservice, 'freshservice/helpdesk-ticket.html', 'https://acme.freshservice.com/a/tickets/38')).toEqual([]);
  });

  it.each([
    ['ticket.html', URL_42, ['priya.nair@example.com', 'Priya Nair', 'Authenticating', 'update this morning']],
    ['helpdesk-ticket.html', 'https://acme.freshservice.com/helpdesk/tickets/38', ['omar.haddad@example.com', 'Omar Haddad', 'Julia', 'ERP']],
  ])('sends the subject only from %s: never the request, the requester or their address', async (file, url, secrets) => {
    const [issue] = await issuesOn(freshservice, `freshservice/${file}`, url);
    const sent = JSON.stringify(issue);
    expect(issue).toBeDefined();
    for (const secret of secrets) expect(sent).not.toContain(secret);
  });
});
