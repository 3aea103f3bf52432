// @vitest-environment happy-dom
import pagerduty from '@/lib/integrations/sites/pagerduty';
import { startIntegrations } from '@/lib/integrations/start';
import { trackersOn } from '@/lib/storage/trackers-on';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeMessenger, hosts, issuesOn, onlyHost, openPage, settle } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const URL_42 = 'https://acme.pagerduty.com/incidents/Q0RIJJZL24RC6W';
const INCIDENT = {
  integration: 'pagerduty',
  externalId: 'pagerduty_incident_acme/Q0RIJJZL24RC6W',
  key: '#1234',
  title: 'Disk full on db-2',
  url: URL_42,
  project: 'Checkout API',
};

// The incident's number and title are in the page's title: the suite renames it there.
describeView({
  integration: pagerduty,
  view: 'incident page',
  fixture: 'pagerduty/incident.html',
  url: URL_42,
  issue: { externalId: INCIDENT.externalId, key: INCIDENT.key, title: INCIDENT.title, url: INCIDENT.url, project: INCIDENT.project },
  note: '#1234 Disk full on db-2',
  container: '.pd-incident-actions',
  title: 'title',
  retitle: (text) => (document.title = `[#1234] ${text} - PagerDuty`),
  next: {
    url: '/incidents/PT4KHLK',
    swap: () => (document.title = '[#1235] Checkout latency above 2s - PagerDuty'),
    issue: { externalId: 'pagerduty_incident_acme/PT4KHLK', key: '#1235', title: 'Checkout latency above 2s' },
  },
});

describe('PagerDuty, incident page', () => {
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  it('places its button last among the actions', async () => {
    fakeBrowser.reset();
    await trackersOn.setValue(['pagerduty']);
    openPage('pagerduty/incident.html', URL_42);
    stop = startIntegrations([pagerduty], { messenger: fakeMessenger() });
    await settle();
    expect(document.querySelector('.pd-incident-actions')!.lastElementChild).toBe(onlyHost());
  });

  it('places no button while the page’s title names no incident (still loading)', async () => {
    stop();
    openPage('pagerduty/incident.html', URL_42);
    document.title = 'PagerDuty';
    stop = startIntegrations([pagerduty], { messenger: fakeMessenger() });
    await settle();
    expect(hosts()).toEqual([]);
    document.title = '[#1234] Disk full on db-2 - PagerDuty';
    await settle();
    expect(onlyHost().dataset.externalId).toBe(INCIDENT.externalId);
  });
});

describePagesWithoutIssue(pagerduty, [{ view: 'the incidents list', fixture: 'pagerduty/incidents.html', url: 'https://acme.pagerduty.com/incidents' }]);

describe('PagerDuty, more cases', () => {
  it.each([
    ['an incident URL', URL_42],
    ['an incident URL with a query', `${URL_42}?tab=timeline`],
    ['an older incident id', 'https://acme.pagerduty.com/incidents/PT4KHLK'],
  ])('reads the incident from %s', async (_, url) => {
    const id = new URL(url).pathname.split('/')[2];
    expect(await issuesOn(pagerduty, 'pagerduty/incident.html', url)).toEqual([
      { ...INCIDENT, externalId: `pagerduty_incident_acme/${id}`, url: `https://acme.pagerduty.com/incidents/${id}` },
    ]);
  });

  it('keeps the account of an EU account in the id', async () => {
    expect(await issuesOn(pagerduty, 'pagerduty/incident.html', 'https://acme.eu.pagerduty.com/incidents/Q0RIJJZL24RC6W')).toEqual([
      expect.objectContaining({ externalId: 'pagerduty_incident_acme.eu/Q0RIJJZL24RC6W' }),
    ]);
  });

  it.each([
    ['an id in lower case', 'https://acme.pagerduty.com/incidents/q0rijjzl24rc6w'],
    ['an incident’s sub-page', 'https://acme.pagerduty.com/incidents/Q0RIJJZL24RC6W/log_entries'],
    ['a host that is not PagerDuty’s', 'https://pagerduty.example.com/incidents/Q0RIJJZL24RC6W'],
  ])('refuses %s', async (_, url) => {
    expect(await issuesOn(pagerduty, 'pagerduty/incident.html', url)).toEqual([]);
  });

  it('never sends the incident’s details, a person or an address', async () => {
    const [issue] = await issuesOn(pagerduty, 'pagerduty/incident.html', URL_42);
    const sent = JSON.stringify(issue);
    for (const text of ['98% full', 'Dana Whitfield', 'dana.whitfield@example.com', '555 0100', '@']) expect(sent).not.toContain(text);
  });
});
