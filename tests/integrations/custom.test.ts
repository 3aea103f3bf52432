// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { customSite, customSitesFor } from '@/lib/integrations/custom/site';
import { startCustomIntegrations } from '@/lib/integrations/custom/start';
import { tryCustomIntegration } from '@/lib/integrations/custom/try-on-page';
import { customIntegrations, type CustomIntegration } from '@/lib/storage/domains';
import { fakeMessenger, hosts, issuesOn, openPage, settle } from './helpers';
import { describeView } from './view-suite';

const TICKETS: CustomIntegration = {
  id: 'tickets',
  name: 'Tickets',
  domain: 'tickets.example.com',
  pathPattern: '^/tickets/\\d+',
  anchor: '.ticket-tools',
  position: 'prepend',
  title: '.ticket-subject',
  key: '.ticket-ref',
};
const URL_ = 'https://tickets.example.com/tickets/981';

describeView({
  integration: customSite(TICKETS),
  view: 'a custom integration (CSS selectors from the options page)',
  fixture: 'custom/ticket.html',
  url: URL_,
  issue: {
    externalId: 'custom_tickets_tickets.example.com/TCK-981',
    key: 'TCK-981',
    title: 'Nightly backup skipped',
    url: URL_,
    project: 'Tickets',
  },
  note: 'TCK-981 Nightly backup skipped',
  container: '.ticket-view',
  title: '.ticket-subject',
  next: {
    url: '/tickets/982',
    swap(view) {
      view.querySelector('.ticket-ref')!.textContent = 'TCK-982';
      view.querySelector('.ticket-subject')!.textContent = 'Disk almost full on db-2';
    },
    issue: { externalId: 'custom_tickets_tickets.example.com/TCK-982', key: 'TCK-982', title: 'Disk almost full on db-2' },
  },
});

describe('custom integrations', () => {
  it('take the last number of the path as the key when no key selector is given', async () => {
    const [issue] = await issuesOn(customSite({ ...TICKETS, key: '' }), 'custom/ticket.html', `${URL_}/edit`);
    expect(issue).toMatchObject({ externalId: 'custom_tickets_tickets.example.com/#981', key: '#981' });
  });

  it('place nothing on pages their pattern does not match', async () => {
    expect(await issuesOn(customSite(TICKETS), 'custom/ticket.html', 'https://tickets.example.com/queue')).toEqual([]);
  });

  it('are built only for their own domain, and only when valid', () => {
    const page = new URL(URL_);
    const broken = { ...TICKETS, id: 'broken', pathPattern: '^/tickets/(' };
    const elsewhere = { ...TICKETS, id: 'elsewhere', domain: 'other.example.com' };
    const onPort = { ...TICKETS, id: 'on-port', domain: 'tickets.example.com:8443' };
    expect(customSitesFor([TICKETS, broken, elsewhere, onPort, 'junk', null], page).map((site) => site.places[0]!.name)).toEqual(['tickets']);
    expect(customSitesFor({ not: 'a list' }, page)).toEqual([]);
  });

  describe('from storage', () => {
    let stop: () => void;
    beforeEach(() => fakeBrowser.reset());
    afterEach(() => stop());

    it('run the stored integrations of the page’s domain and follow their edits', async () => {
      await customIntegrations.setValue([TICKETS]);
      openPage('custom/ticket.html', URL_);
      stop = startCustomIntegrations({ messenger: fakeMessenger() });
      await settle();
      expect(hosts().map((host) => host.dataset.externalId)).toEqual(['custom_tickets_tickets.example.com/TCK-981']);

      await customIntegrations.setValue([{ ...TICKETS, anchor: '.ticket-head', position: 'after' }]);
      await settle();
      expect(hosts()).toHaveLength(1);
      expect(document.querySelector('.ticket-head')!.nextElementSibling).toBe(hosts()[0]);

      await customIntegrations.setValue([]);
      await settle();
      expect(hosts()).toEqual([]);
    });
  });

  describe('tried on the current tab (the options page’s test)', () => {
    beforeEach(() => openPage('custom/ticket.html', URL_));

    it('counts the anchors and reads the first issue, placing nothing', () => {
      expect(tryCustomIntegration(TICKETS)).toEqual({
        errors: {},
        onDomain: true,
        pathMatches: true,
        anchors: 1,
        issue: { integration: 'custom', externalId: 'custom_tickets_tickets.example.com/TCK-981', key: 'TCK-981', title: 'Nightly backup skipped', url: URL_, project: 'Tickets' },
      });
      expect(hosts()).toEqual([]);
    });

    it('says what does not fit this page', () => {
      expect(tryCustomIntegration({ ...TICKETS, domain: 'other.example.com', pathPattern: '^/queue', anchor: '.nope' })).toMatchObject({
        onDomain: false,
        pathMatches: false,
        anchors: 0,
        issue: null,
      });
    });

    it('tries nothing while a field is wrong', () => {
      expect(tryCustomIntegration({ ...TICKETS, anchor: '.ticket-tools[' })).toEqual({
        errors: { anchor: expect.any(String) },
        onDomain: false,
        pathMatches: false,
        anchors: 0,
        issue: null,
      });
    });
  });
});
