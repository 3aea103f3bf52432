import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// PagerDuty (`<account>.pagerduty.com`, EU accounts `<account>.eu.pagerduty.com`): an incident's page
// is `/incidents/<id>`, its id PagerDuty's (`PT4KHLK`, `Q0RIJJZL24RC6W`: capitals and digits), unique
// in the account. The page's title names it, "[#1234] Disk full on db-2 - PagerDuty": the number is
// the key `#1234`, the rest the title. External ids: `pagerduty_incident_<account>/<id>`; the project
// is the incident's service.
const INCIDENT = /^\/incidents\/([A-Z0-9]+)\/?$/;
const ACCOUNT = /^(.+)\.pagerduty\.com$/;
// Without its number the title is not an incident's (a page still loading, or another page's).
const TITLE = /^\[#(\d+)\]\s*(.*?)(?:\s+-\s+PagerDuty)?$/;

export const about = { id: 'pagerduty', name: 'PagerDuty', matches: [], selfHosted: false, optionalHosts: ['https://*.pagerduty.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/incidents\/[A-Z0-9]+\/?(?:\?|$)/,
  places: [
    {
      // The incident's actions (Acknowledge, Resolve…): the button goes last among them.
      name: 'incident',
      url: /^\/incidents\/[A-Z0-9]+\/?(?:\?|$)/,
      anchor: '.pd-incident-actions',
      position: 'inside',
      read(anchor, page) {
        const [, id] = INCIDENT.exec(page.pathname) ?? [];
        const [, account] = ACCOUNT.exec(page.hostname) ?? [];
        if (!id || !account) return null;
        const doc = anchor.ownerDocument;
        const [, number, title] = TITLE.exec(firstText(doc, 'head > title')) ?? [];
        if (!number || title === undefined) return null;
        return {
          externalId: `pagerduty_incident_${account}/${id}`,
          key: `#${number}`,
          title,
          url: `${page.origin}/incidents/${id}`,
          project: firstText(doc, '.pd-service-name__name a') || undefined,
        };
      },
    },
  ],
});
