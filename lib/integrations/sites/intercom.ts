import { defineIntegration, type SiteInfo } from '../define';
import { firstText, nearest, textOf } from '../read';

// Intercom's inbox (US, EU and Australian workspaces): a conversation is
// `/a/inbox/<app>/inbox/<view…>/conversation/<id>` (views: `shared/all`, `admin/<id>`, `search`…).
// The app is the workspace's id, the conversation id a number. The header shows the conversation's
// title, or without one the customer's name (or address): an address is never sent, and then the
// title stays empty. No key. External ids: `intercom_conversation_<app>/<id>`, the same in every view.
const CONVERSATION = /^\/a\/inbox\/([a-z0-9]+)\/inbox\/(?:[^?#]*\/)?conversation\/(\d+)\/?$/;
/** Path and query of a conversation's page. */
const PAGE = /^\/a\/inbox\/[a-z0-9]+\/inbox\/(?:[^?#]*\/)?conversation\/\d+\/?(?:\?|$)/;
const ADDRESS = /\S+@\S+\.\S+/;

export const about = {
  id: 'intercom',
  name: 'Intercom',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: PAGE,
  places: [
    {
      // The conversation's toolbar, at the start of its action group (its second part), else of the toolbar.
      name: 'conversation',
      url: PAGE,
      anchor: ['[data-intercom-target="conversation-toolbar"] > div > div > div:nth-of-type(2)', '[data-intercom-target="conversation-toolbar"]'],
      position: 'prepend',
      read(anchor, page) {
        const [, app, id] = CONVERSATION.exec(page.pathname) ?? [];
        if (!app || !id) return null;
        const header = nearest(anchor, '[data-inbox-conversation-header-title]');
        const title = firstText(header, 'span') || textOf(header);
        return {
          externalId: `intercom_conversation_${app}/${id}`,
          key: '',
          title: ADDRESS.test(title) ? '' : title,
          url: `${page.origin}/a/inbox/${app}/inbox/conversation/${id}`,
        };
      },
    },
  ],
});
