// @vitest-environment happy-dom
import attributes from '@/lib/integrations/sites/attributes';
import { startIntegrations } from '@/lib/integrations/start';
import { describe, expect, it } from 'vitest';
import { fakeMessenger, hosts, issuesOn, openPage, settle } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: attributes,
  view: 'a marked-up ticket page',
  fixture: 'attributes/ticket.html',
  url: 'https://help.example.com/tickets/4711',
  issue: {
    externalId: 'attributes_help.example.com/4711',
    key: 'SUP-4711',
    title: 'Printer on floor 3 is offline',
    url: 'https://help.example.com/tickets/4711',
    project: 'IT support',
  },
  note: 'SUP-4711 Printer on floor 3 is offline',
  // No page is expected to carry marks, so none is reported as an issue page.
  issuePage: false,
  container: '.ticket-header',
  title: '.ticket-header h1',
  next: {
    url: '/tickets/4712',
    swap(header) {
      const h1 = header.querySelector('h1')!;
      h1.setAttribute('data-timecamp-issue-id', '4712');
      h1.setAttribute('data-timecamp-issue-key', 'SUP-4712');
      h1.textContent = 'VPN drops every hour';
    },
    issue: { externalId: 'attributes_help.example.com/4712', key: 'SUP-4712', title: 'VPN drops every hour' },
  },
});

describePagesWithoutIssue(attributes, [{ view: 'a page without marks', fixture: 'trello/board.html', url: 'https://help.example.com/' }]);

describe('The data-timecamp attribute contract, on a list', () => {
  const QUEUE = 'https://help.example.com/queue';

  it('gives every marked issue its own button, where its position says', async () => {
    const messenger = fakeMessenger();
    openPage('attributes/queue.html', QUEUE);
    const stop = startIntegrations([attributes], { messenger });
    await settle();
    const place = (id: string) => {
      const mark = document.querySelector(`[data-timecamp-issue-id="${id}"]`)!;
      const host = hosts().find((h) => h.dataset.externalId === `attributes_help.example.com/${id}`)!;
      if (mark.nextElementSibling === host) return 'after';
      if (mark.previousElementSibling === host) return 'before';
      // The marks hold text: a host that comes first was prepended, one that comes last appended.
      if (mark.firstChild === host) return 'prepend';
      return mark.lastChild === host ? 'inside' : 'elsewhere';
    };
    // 4714 asks for an unknown position: inside. The row without an id gets none.
    expect(hosts()).toHaveLength(4);
    expect(['4711', '4712', '4713', '4714'].map(place)).toEqual(['after', 'before', 'prepend', 'inside']);
    stop();
  });

  it('reads each issue from its own marks, with fallbacks for what is missing', async () => {
    const issues = await issuesOn(attributes, 'attributes/queue.html', QUEUE);
    const byId = Object.fromEntries(issues.map((issue) => [issue.externalId, issue]));
    expect(byId['attributes_help.example.com/4711']).toEqual({
      integration: 'attributes',
      externalId: 'attributes_help.example.com/4711',
      key: 'SUP-4711',
      title: 'Printer on floor 3 is offline',
      url: QUEUE,
    });
    // No key or title: `#<id>` and the element's text.
    expect(byId['attributes_help.example.com/4712']).toMatchObject({ key: '#4712', title: 'VPN drops every hour' });
    // A `javascript:` URL is no issue address: the page's is taken.
    expect(byId['attributes_help.example.com/4713']).toMatchObject({ title: 'New laptop for Dana', url: QUEUE });
    expect(byId['attributes_help.example.com/4714']).toMatchObject({ url: 'https://help.example.com/t/4714' });
  });

  it('scopes ids to the host, so two apps never share an issue', async () => {
    const [issue] = await issuesOn(attributes, 'attributes/ticket.html', 'https://desk.example.org:8443/tickets/4711');
    expect(issue?.externalId).toBe('attributes_desk.example.org:8443/4711');
  });
});
