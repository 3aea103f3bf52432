// @vitest-environment happy-dom
import hubspot from '@/lib/integrations/sites/hubspot';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const CONTACT = 'https://app.hubspot.com/contacts/4051234/record/0-1/75301';

describeView({
  integration: hubspot,
  view: 'contact record',
  fixture: 'hubspot/contact-record.html',
  url: CONTACT,
  issue: { externalId: 'hubspot_contact_4051234/75301', key: '', title: 'Maria Johnson', url: CONTACT },
  note: 'Maria Johnson',
  container: '[data-card-type="OBJECT_HIGHLIGHT"]',
  title: '[data-selenium-test="highlightTitle"]',
  next: {
    url: '/contacts/4051234/record/0-1/75302',
    swap(card) {
      card.querySelector('[data-selenium-test="highlightTitle"]')!.textContent = 'Tom Becker';
    },
    issue: { externalId: 'hubspot_contact_4051234/75302', key: '', title: 'Tom Becker' },
  },
});

describeView({
  integration: hubspot,
  view: 'deal record (EU data centre)',
  fixture: 'hubspot/deal-record.html',
  url: 'https://app-eu1.hubspot.com/contacts/26012345/record/0-3/18230456789',
  issue: {
    externalId: 'hubspot_deal_26012345/18230456789',
    key: '',
    title: 'Northwind renewal 2027',
    url: 'https://app-eu1.hubspot.com/contacts/26012345/record/0-3/18230456789',
  },
  note: 'Northwind renewal 2027',
  container: '[data-card-type="OBJECT_HIGHLIGHT"]',
  title: '[data-selenium-test="highlightTitle"]',
  next: {
    url: '/contacts/26012345/record/0-3/18230456790',
    swap(card) {
      card.querySelector('[data-selenium-test="highlightTitle"]')!.textContent = 'Contoso onboarding';
    },
    issue: { externalId: 'hubspot_deal_26012345/18230456790', key: '', title: 'Contoso onboarding' },
  },
});

describePagesWithoutIssue(hubspot, [
  { view: 'the contacts index', fixture: 'hubspot/contacts-index.html', url: 'https://app.hubspot.com/contacts/4051234/objects/0-1/views/all/list' },
]);

describe('HubSpot, more cases', () => {
  it.each([
    ['a company record', '/record/0-2/9120', 'hubspot_company_4051234/9120', '/record/0-2/9120'],
    ['a ticket record', '/record/0-5/3301', 'hubspot_ticket_4051234/3301', '/record/0-5/3301'],
    ['a record with a tab after its id', '/record/0-1/75301/view/2', 'hubspot_contact_4051234/75301', '/record/0-1/75301'],
    ['an older contact URL', '/contact/75301', 'hubspot_contact_4051234/75301', '/record/0-1/75301'],
    ['an older company URL', '/company/9120', 'hubspot_company_4051234/9120', '/record/0-2/9120'],
    ['an older deal URL', '/deal/18230456789', 'hubspot_deal_4051234/18230456789', '/record/0-3/18230456789'],
    ['an older ticket URL', '/ticket/3301/', 'hubspot_ticket_4051234/3301', '/record/0-5/3301'],
  ])('reads %s', async (_, path, externalId, canonical) => {
    const [issue, ...more] = await issuesOn(hubspot, 'hubspot/contact-record.html', `https://app.hubspot.com/contacts/4051234${path}`);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ externalId, url: `https://app.hubspot.com/contacts/4051234${canonical}` });
  });

  it.each([
    ['a custom object', '/contacts/4051234/record/2-1234567/88'],
    ['a record id that is no number', '/contacts/4051234/record/0-1/abc'],
    ['a portal that is no number', '/contacts/acme/record/0-1/75301'],
    ['an unknown kind in an older URL', '/contacts/4051234/lead/75301'],
  ])('places no button for %s', async (_, path) => {
    expect(await issuesOn(hubspot, 'hubspot/contact-record.html', `https://app.hubspot.com${path}`)).toEqual([]);
  });

  it('gives a preview panel of an associated record no button (it is not the page’s record)', async () => {
    const preview = () => {
      const panel = document.createElement('div');
      panel.setAttribute('data-selenium-test', 'sidebar-preview-panel');
      panel.innerHTML =
        '<div data-test-id="record-highlight-main-content"><h3 data-selenium-test="highlightTitle"><span>Northwind Traders</span></h3></div>';
      document.body.append(panel);
    };
    expect(await issuesOn(hubspot, 'hubspot/contact-record.html', CONTACT, preview)).toEqual([
      expect.objectContaining({ externalId: 'hubspot_contact_4051234/75301', title: 'Maria Johnson' }),
    ]);
  });

  it('sends the contact’s name only: no e-mail address, phone number or timeline text', async () => {
    const [issue] = await issuesOn(hubspot, 'hubspot/contact-record.html', CONTACT);
    const sent = JSON.stringify(issue);
    expect(sent).not.toMatch(/maria\.johnson@|555|renewal|cost centre|Northwind|Head of Operations/);
  });
});
