// @vitest-environment happy-dom
import intercom from '@/lib/integrations/sites/intercom';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const INBOX = 'https://app.intercom.com/a/inbox/abc123de/inbox';
const CONVERSATION = {
  externalId: 'intercom_conversation_abc123de/215470000000777',
  key: '',
  title: 'Refund for a double charge',
  url: `${INBOX}/conversation/215470000000777`,
};

describeView({
  integration: intercom,
  view: 'conversation',
  fixture: 'intercom/conversation.html',
  url: `${INBOX}/shared/all/conversation/215470000000777`,
  issue: CONVERSATION,
  // Conversations have no key: the note is the title.
  note: 'Refund for a double charge',
  container: '[data-intercom-target="conversation-toolbar"]',
  title: '[data-inbox-conversation-header-title] span',
  next: {
    url: '/a/inbox/abc123de/inbox/shared/all/conversation/215470000000778',
    swap(toolbar) {
      toolbar.querySelector('[data-inbox-conversation-header-title] span')!.textContent = 'Export to CSV times out';
    },
    issue: { externalId: 'intercom_conversation_abc123de/215470000000778', key: '', title: 'Export to CSV times out' },
  },
});

describePagesWithoutIssue(intercom, [{ view: 'an empty inbox view', fixture: 'intercom/empty-inbox.html', url: `${INBOX}/shared/unassigned` }]);

describe('Intercom, more cases', () => {
  it.each([
    ['the shared inbox', `${INBOX}/shared/all/conversation/215470000000777`],
    ['a teammate’s inbox', `${INBOX}/admin/5512345/conversation/215470000000777`],
    ['the short form', `${INBOX}/conversation/215470000000777`],
    ['a link to a part of it', `${INBOX}/conversation/215470000000777?view=List#part_id=comment-215470000000777-2254000000777`],
  ])('reads the conversation from %s', async (_, url) => {
    expect(await issuesOn(intercom, 'intercom/conversation.html', url)).toEqual([{ integration: 'intercom', ...CONVERSATION }]);
  });

  it('keeps the same id on the EU and Australian hosts, with their own address', async () => {
    for (const host of ['app.eu.intercom.com', 'app.au.intercom.com']) {
      const [issue] = await issuesOn(intercom, 'intercom/conversation.html', `https://${host}/a/inbox/abc123de/inbox/shared/all/conversation/215470000000777`);
      expect(issue).toMatchObject({ externalId: CONVERSATION.externalId, url: `https://${host}/a/inbox/abc123de/inbox/conversation/215470000000777` });
    }
  });

  it('falls back to the toolbar itself when its inner layout changes', async () => {
    const tweak = () => {
      const toolbar = document.querySelector('[data-intercom-target="conversation-toolbar"]')!;
      toolbar.replaceChildren(...toolbar.firstElementChild!.firstElementChild!.children);
    };
    const [issue] = await issuesOn(intercom, 'intercom/conversation.html', `${INBOX}/conversation/215470000000777`, tweak);
    expect(issue).toMatchObject({ externalId: CONVERSATION.externalId, title: CONVERSATION.title });
  });

  it.each([
    ['a workspace placeholder instead of an app id', 'https://app.intercom.com/a/inbox/_/inbox/conversation/215470000000777'],
    ['a conversation id that is no number', `${INBOX}/conversation/abc`],
    ['a Help Center article', 'https://app.intercom.com/a/apps/abc123de/articles/articles/9123456/show'],
  ])('refuses %s', async (_, url) => {
    expect(await issuesOn(intercom, 'intercom/conversation.html', url)).toEqual([]);
  });

  it('sends no title when the header shows the customer’s address (a conversation without a title)', async () => {
    const tweak = () => (document.querySelector('[data-inbox-conversation-header-title] span')!.textContent = 'kevin.walsh@example.com');
    expect(await issuesOn(intercom, 'intercom/conversation.html', `${INBOX}/conversation/215470000000777`, tweak)).toEqual([
      { integration: 'intercom', ...CONVERSATION, title: '' },
    ]);
  });

  it('takes the customer’s name when the header shows it (a conversation without a title)', async () => {
    const tweak = () => (document.querySelector('[data-inbox-conversation-header-title] span')!.textContent = 'Kevin Walsh');
    expect(await issuesOn(intercom, 'intercom/conversation.html', `${INBOX}/conversation/215470000000777`, tweak)).toEqual([
      expect.objectContaining({ title: 'Kevin Walsh' }),
    ]);
  });

  it('never sends a message or an address', async () => {
    const [issue] = await issuesOn(intercom, 'intercom/conversation.html', `${INBOX}/conversation/215470000000777`);
    const sent = JSON.stringify(issue);
    for (const text of ['charged twice', 'kevin.walsh@example.com', 'Kevin Walsh', '@']) expect(sent).not.toContain(text);
  });
});
