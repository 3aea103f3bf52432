import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// Zendesk's agent workspace, `<subdomain>.zendesk.com/agent/tickets/<id>` (also `…/<id>/events`).
// Ticket ids are numbers unique in an account; Zendesk shows them as `#<id>` (the key). TimeCamp's
// own plugin sends no id for Zendesk, so `zendesk_ticket_<host>/<id>`. Every ticket opened stays in
// the page as a tab (`.ticket-panes-grid-layout`): only the URL's ticket gets a button, in the tab
// whose side-conversations anchor names the URL's id (else the tab marked active), so a tab still
// shown while the next one loads never gets the next ticket's id.
const TICKET = /^\/agent\/tickets\/(\d+)(?:\/events)?\/?(?:\?|$)/;
const PANE = '.ticket-panes-grid-layout';
const HEADER = '[data-support-suite-trial-onboarding-id="conversationPane"] > div:first-child';

export const about = { id: 'zendesk', name: 'Zendesk', matches: [], selfHosted: false, optionalHosts: ['https://*.zendesk.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: TICKET,
  places: [
    {
      // The toolbar at the end of the conversation's header (with the subject): first in it.
      name: 'ticket',
      url: TICKET,
      anchor: [`${PANE} ${HEADER} > :last-child`, `${PANE} ${HEADER}`],
      position: 'prepend',
      read(anchor, page) {
        const [, id] = TICKET.exec(page.pathname) ?? [];
        const pane = anchor.closest(PANE);
        if (!id || !pane) return null;
        const own = pane.querySelector('[data-side-conversations-anchor-id]')?.getAttribute('data-side-conversations-anchor-id');
        if (own ? own !== id : pane.getAttribute('data-is-active') !== 'true') return null;
        const subject = pane.querySelector('input[data-test-id="omni-header-subject"]');
        if (!subject) return null;
        return {
          externalId: `zendesk_ticket_${page.host}/${id}`,
          key: `#${id}`,
          title: textOf(subject),
          url: `${page.origin}/agent/tickets/${id}`,
        };
      },
    },
  ],
});
