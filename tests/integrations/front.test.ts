// @vitest-environment happy-dom
import front from '@/lib/integrations/sites/front';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const APP = 'https://app.frontapp.com';
// 121516198 in base 36.
const CONVERSATION = {
  externalId: 'front_conversation_cnv_20cihy',
  key: '',
  title: 'Order 18342 arrived damaged',
  url: `${APP}/open/cnv_20cihy`,
};

describeView({
  integration: front,
  view: 'open conversation',
  fixture: 'front/conversation.html',
  url: `${APP}/inboxes/shared/support/open/121516198`,
  issue: CONVERSATION,
  // Conversations have no key: the note is the subject.
  note: 'Order 18342 arrived damaged',
  container: '[class*="conversationTopbar__StyledConversationTopbar"]',
  title: '[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"] span',
  next: {
    url: '/inboxes/shared/support/open/121516199',
    swap(topbar) {
      topbar.querySelector('[class*="conversationSubjectWrapper"] span')!.textContent = 'Where is my refund?';
    },
    issue: { externalId: 'front_conversation_cnv_20cihz', key: '', title: 'Where is my refund?' },
  },
});

describePagesWithoutIssue(front, [
  { view: 'an inbox folder', fixture: 'front/inbox.html', url: `${APP}/inboxes/teams/folders/15931074` },
  { view: 'a teammate’s inbox', fixture: 'front/inbox.html', url: `${APP}/inboxes/teammates/20999898/inbox/all` },
]);

describe('Front, more cases', () => {
  it.each([
    ['the permalink', `${APP}/open/cnv_20cihy`],
    ['a shared inbox', `${APP}/inboxes/shared/support/open/121516198`],
    ['a team view', `${APP}/inboxes/teams/views/15931074/open/121516198`],
    ['a folder’s unassigned list', `${APP}/inboxes/teams/folders/15931074/unassigned/121516198`],
    ['a teammate’s inbox', `${APP}/inboxes/teammates/20999898/inbox/all/121516198?q=1`],
  ])('gives one id for %s', async (_, url) => {
    expect(await issuesOn(front, 'front/conversation.html', url)).toEqual([{ integration: 'front', ...CONVERSATION }]);
  });

  it('matches Front’s class names whatever their build hash', async () => {
    const tweak = () => {
      for (const element of document.querySelectorAll('[class*="-sc-"]')) element.className = element.className.replace(/-sc-\w+-\d+$/, '-sc-x9y8z7-3');
    };
    expect(await issuesOn(front, 'front/conversation.html', `${APP}/open/cnv_20cihy`, tweak)).toEqual([expect.objectContaining(CONVERSATION)]);
  });

  it.each([
    ['a folder, whose number is no conversation', `${APP}/inboxes/teams/folders/15931074`],
    ['a search', `${APP}/inboxes/teams/4808209/search/workspace/refund/0`],
    ['a message permalink', `${APP}/open/msg_a23om0z`],
    ['a permalink with capitals', `${APP}/open/cnv_ABC`],
    ['a number too large to be exact', `${APP}/inboxes/shared/support/open/99999999999999999999`],
  ])('refuses %s', async (_, url) => {
    expect(await issuesOn(front, 'front/conversation.html', url)).toEqual([]);
  });

  it('never sends the message, the recipient or an address', async () => {
    const [issue] = await issuesOn(front, 'front/conversation.html', `${APP}/open/cnv_20cihy`);
    const sent = JSON.stringify(issue);
    for (const text of ['crushed', '010-4477', 'Kevin Walsh', 'kevin.walsh@example.com', '@']) expect(sent).not.toContain(text);
  });
});
