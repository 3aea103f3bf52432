import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// HubSpot records: `app.hubspot.com/contacts/<portalId>/record/<objectTypeId>/<id>` (0-1 contact,
// 0-2 company, 0-3 deal, 0-5 ticket), and the older `/contacts/<portalId>/<kind>/<id>`; EU accounts
// on app-eu1.hubspot.com. Ids are numbers, unique in a portal (account). TimeCamp's own plugin
// sends no id for HubSpot, so `hubspot_<kind>_<portalId>/<id>`. Records show no key: the note is
// the record's name (a contact's name, never the e-mail address beside it).
const RECORD = /^\/contacts\/(\d+)\/(?:record\/(0-[1235])|(contact|company|deal|ticket))\/(\d+)(?:\/|$)/;
const KINDS: Record<string, string> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' };
const TYPES: Record<string, string> = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };

export const about = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: RECORD,
  places: [
    {
      // The record's highlight card, in the left sidebar of its page: the button goes last in it.
      // A preview panel opened over the page (an associated record) is not the page's record.
      name: 'record',
      url: RECORD,
      anchor: [
        '[data-scroll-trackable-container="left-sidebar"] [data-test-id="record-highlight-main-content"]',
        '[data-scroll-trackable-container="left-sidebar"] [data-card-type="OBJECT_HIGHLIGHT"]',
      ],
      position: 'inside',
      read(anchor, page) {
        const [, portal, type, old, id] = RECORD.exec(page.pathname) ?? [];
        const kind = type ? KINDS[type] : old;
        if (!portal || !kind || !id) return null;
        return {
          externalId: `hubspot_${kind}_${portal}/${id}`,
          key: '',
          title: firstText(anchor, '[data-selenium-test="highlightTitle"]'),
          url: `${page.origin}/contacts/${portal}/record/${TYPES[kind]}/${id}`,
        };
      },
    },
  ],
});
