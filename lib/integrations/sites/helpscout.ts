import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// Help Scout, `secure.helpscout.net/conversation/<id>/<number>`. The id is the conversation's id
// (unique in Help Scout, the one its API uses), the number the one the app shows as `#<number>`
// (the key). TimeCamp's own plugin has no Help Scout script, so `helpscout_conversation_<id>`: the
// conversation's id, so that time per conversation shows on the button.
const CONVERSATION = /^\/conversations?\/(\d+)\/(\d+)\/?(?:\?|$)/;

export const about = { id: 'helpscout', name: 'Help Scout', matches: [], selfHosted: false, optionalHosts: ['https://secure.helpscout.net/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: CONVERSATION,
  places: [
    {
      // The actions of the conversation's header (assign, status…; the legacy theme's actions): first among them.
      name: 'conversation',
      url: CONVERSATION,
      anchor: ['[data-cy="ConversationHeader.Actions"]', '.actions__wrapper'],
      position: 'prepend',
      read(anchor, page) {
        const [, id, number] = CONVERSATION.exec(page.pathname) ?? [];
        const doc = anchor.ownerDocument;
        const title = firstText(doc, '[aria-label="Conversation Subject"]') || firstText(doc, '[data-cy="EditableTextarea"]') || firstText(doc, '#subjectLine');
        if (!id || !number || !title) return null;
        return { externalId: `helpscout_conversation_${id}`, key: `#${number}`, title, url: `${page.origin}/conversation/${id}/${number}` };
      },
    },
  ],
});
