// @vitest-environment happy-dom
import helpscout from '@/lib/integrations/sites/helpscout';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const URL_1234 = 'https://secure.helpscout.net/conversation/2871234567/1234';
const ISSUE_1234 = {
  externalId: 'helpscout_conversation_2871234567',
  key: '#1234',
  title: 'Charged twice for the annual plan',
  url: URL_1234,
};
const NEXT = { externalId: 'helpscout_conversation_2871234568', key: '#1235', title: 'Cannot export invoices as PDF' };

describeView({
  integration: helpscout,
  view: 'conversation',
  fixture: 'helpscout/conversation.html',
  url: URL_1234,
  issue: ISSUE_1234,
  note: '#1234 Charged twice for the annual plan',
  container: 'header',
  title: '[aria-label="Conversation Subject"]',
  next: {
    url: '/conversation/2871234568/1235',
    swap(header) {
      header.querySelector('textarea')!.value = 'Cannot export invoices as PDF';
    },
    issue: NEXT,
  },
});

describeView({
  integration: helpscout,
  view: 'conversation in the legacy theme',
  fixture: 'helpscout/legacy-conversation.html',
  url: URL_1234,
  issue: ISSUE_1234,
  note: '#1234 Charged twice for the annual plan',
  container: '#tkHeader',
  title: '#subjectLine',
  next: {
    url: '/conversation/2871234568/1235',
    swap(header) {
      header.querySelector('#subjectLine')!.textContent = 'Cannot export invoices as PDF';
    },
    issue: NEXT,
  },
});

describePagesWithoutIssue(helpscout, [
  { view: 'a mailbox folder', fixture: 'helpscout/mailbox.html', url: 'https://secure.helpscout.net/mailbox/301234/4567890/' },
]);

describe('Help Scout, more cases', () => {
  it.each([
    ['a conversation URL', URL_1234],
    ['a URL with a trailing slash', `${URL_1234}/`],
    ['a URL with the folder in its query', `${URL_1234}?folderId=4567890`],
    ['a URL with a thread in its hash', `${URL_1234}#thread-7654321`],
  ])('reads the conversation from %s', async (_, url) => {
    expect(await issuesOn(helpscout, 'helpscout/conversation.html', url)).toEqual([expect.objectContaining(ISSUE_1234)]);
  });

  it('reads the subject from its editable field when it has no label', async () => {
    const unlabelled = () => document.querySelector('textarea')!.removeAttribute('aria-label');
    expect(await issuesOn(helpscout, 'helpscout/conversation.html', URL_1234, unlabelled)).toEqual([expect.objectContaining(ISSUE_1234)]);
  });

  it('refuses paths that are no conversation ids and numbers', async () => {
    for (const path of ['/conversation/2871234567', '/conversation/28712x4567/1234', '/conversation/2871234567/1234/extra', '/mailbox/301234/1234']) {
      expect(await issuesOn(helpscout, 'helpscout/conversation.html', `https://secure.helpscout.net${path}`)).toEqual([]);
    }
  });

  it('waits for the subject: no button while the header has none', async () => {
    const loading = () => document.querySelector('[data-cy="EditableTextarea"]')!.remove();
    expect(await issuesOn(helpscout, 'helpscout/conversation.html', URL_1234, loading)).toEqual([]);
  });

  it.each([
    ['conversation.html', ['lena.fischer@example.com', 'Lena Fischer', '+49', 'charged 240', 'billing']],
    ['legacy-conversation.html', ['lena.fischer@example.com', 'Lena Fischer', 'charged 240', 'billing']],
  ])('sends the subject only from %s: never the thread, the customer or their address', async (file, secrets) => {
    const [issue] = await issuesOn(helpscout, `helpscout/${file}`, URL_1234);
    const sent = JSON.stringify(issue);
    expect(issue).toBeDefined();
    for (const secret of secrets) expect(sent).not.toContain(secret);
  });
});
