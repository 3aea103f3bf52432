// @vitest-environment happy-dom
import { defaultNote } from '@/lib/integrations/note';
import pagerduty from '@/lib/integrations/sites/pagerduty';
import { startIntegrations } from '@/lib/integrations/start';
import { trackersOn } from '@/lib/storage/trackers-on';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buttonOf, fakeMessenger, freshCopy, hosts, issuesOn, nameOf, onlyHost, openPage, settle, userClick } from './helpers';
import { describePagesWithoutIssue } from './view-suite';

const URL_42 = 'https://acme.pagerduty.com/incidents/Q0RIJJZL24RC6W';
const INCIDENT = {
  integration: 'pagerduty',
  externalId: 'pagerduty_incident_acme/Q0RIJJZL24RC6W',
  key: '#1234',
  title: 'Disk full on db-2',
  url: URL_42,
  project: 'Checkout API',
};

// The incident's number and title are in the page's title, which the shared view suite cannot
// rename without losing the number: these are its tests, written for a title of that form.
describe('PagerDuty, incident page', () => {
  let messenger: ReturnType<typeof fakeMessenger>;
  let stop: () => void;

  beforeEach(async () => {
    fakeBrowser.reset();
    await trackersOn.setValue(['pagerduty']);
    messenger = fakeMessenger();
    openPage('pagerduty/incident.html', URL_42);
    stop = startIntegrations([pagerduty], { messenger });
    await settle();
  });
  afterEach(() => stop());

  const press = async () => {
    userClick(buttonOf(onlyHost()));
    await settle();
  };

  it('places exactly one Start timer button among the actions, keyed by the external id', () => {
    const host = onlyHost();
    expect(host.dataset).toMatchObject({ integration: 'pagerduty', externalId: INCIDENT.externalId });
    expect(nameOf(buttonOf(host))).toBe('Start timer');
    expect(document.querySelector('.pd-incident-actions')!.lastElementChild).toBe(host);
  });

  it('starts from the incident, with the default note', async () => {
    await press();
    expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith(INCIDENT);
    expect(defaultNote(INCIDENT)).toBe('#1234 Disk full on db-2');
  });

  it('reads the page again at click time', async () => {
    document.title = '[#1234] Disk full on db-2 and db-3 - PagerDuty';
    await settle();
    await press();
    expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith({ ...INCIDENT, title: 'Disk full on db-2 and db-3' });
  });

  it('reports the page with the incident it found', () => {
    expect(messenger.reportPage).toHaveBeenCalledExactlyOnceWith({ integration: 'pagerduty', url: URL_42, issuePage: true, externalIds: [INCIDENT.externalId] });
  });

  it('keeps one button, the same one, when the site re-renders the actions', async () => {
    const before = onlyHost();
    document.querySelector('.pd-incident-actions')!.replaceWith(freshCopy('pagerduty/incident.html', '.pd-incident-actions'));
    await settle();
    expect(onlyHost()).toBe(before);
  });

  it('follows client-side navigation to another incident', async () => {
    history.pushState(null, '', '/incidents/PT4KHLK');
    document.title = '[#1235] Checkout latency above 2s - PagerDuty';
    document.querySelector('.pd-incident-actions')!.replaceWith(freshCopy('pagerduty/incident.html', '.pd-incident-actions'));
    await settle();
    expect(onlyHost().dataset.externalId).toBe('pagerduty_incident_acme/PT4KHLK');
    await press();
    expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ key: '#1235', title: 'Checkout latency above 2s' }));
  });

  it('removes the button when the actions go', async () => {
    document.querySelector('.pd-incident-actions')!.remove();
    await settle();
    expect(hosts()).toEqual([]);
  });

  it('sends a hostile title as text, and none of it becomes markup in the page', async () => {
    document.title = '[#1234] <img src=x onerror=alert(1)> - PagerDuty';
    await settle();
    await press();
    expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ title: '<img src=x onerror=alert(1)>' }));
    expect(document.querySelector('img')).toBeNull();
    expect(onlyHost().shadowRoot!.querySelector('img')).toBeNull();
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
