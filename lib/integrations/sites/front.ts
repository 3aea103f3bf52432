import { defineIntegration, type SiteInfo } from '../define';
import { nearest, textOf } from '../read';

// Front (app.frontapp.com): a conversation is open at `/open/cnv_<id>` (the permalink) or inside an
// inbox, `/inboxes/<inbox…>/<folder>/<number>` (`/inboxes/shared/support/open/121516198`). The URL's
// number is the API id in base 10: `cnv_` + base 36 (121516198 is `cnv_20cihy`), so both forms give
// one id. No key; the title is the subject. External ids: `front_conversation_cnv_<id>`.
// Front's class names are styled components' (`<file>__<Component>-sc-<hash>`): matched without the hash.
const ROUTE = /^\/(?:open\/(cnv_[0-9a-z]+)|inboxes\/(?!.*\/search\/)(?:[^/?#]+\/)+(?!(?:folders|views|teammates|teams|shared|tags)\/)[a-z_]+\/([1-9]\d*))\/?(?:\?|$)/;
const SUBJECT = '[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"] > div > span';

/** The conversation's API id, from either form of the URL. */
function conversationId(page: URL): string | null {
  const [, permalink, number] = ROUTE.exec(page.pathname) ?? [];
  if (permalink) return permalink;
  const n = Number(number);
  return Number.isSafeInteger(n) && n > 0 ? `cnv_${n.toString(36)}` : null;
}

export const about = { id: 'front', name: 'Front', matches: [], selfHosted: false, optionalHosts: ['https://app.frontapp.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: ROUTE,
  places: [
    {
      // The open conversation's top bar, last in its content.
      name: 'conversation',
      url: ROUTE,
      anchor: '[class*="conversationTopbar__StyledConversationTopbar"] [class*="conversationTopbar__StyledContentDiv"]',
      position: 'inside',
      read(anchor, page) {
        const id = conversationId(page);
        if (!id) return null;
        return {
          externalId: `front_conversation_${id}`,
          key: '',
          title: textOf(nearest(anchor, SUBJECT)),
          url: `${page.origin}/open/${id}`,
        };
      },
    },
  ],
});
