// @vitest-environment happy-dom
import { routeOf } from '@/lib/integrations/define';
import gmail from '@/lib/integrations/sites/gmail';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const MAIL = 'https://mail.google.com/mail/u/0/';
const TOKEN = 'FMfcgzQXJWDsKmZqRbVtNnLcGpHhTxSd';
const THREAD_URL = `${MAIL}#inbox/${TOKEN}`;
const ID = '18f2a7c3d4e5b601';

describeView({
  integration: gmail,
  view: 'thread',
  fixture: 'gmail/thread.html',
  url: THREAD_URL,
  issue: {
    externalId: `gmail_thread_${ID}`,
    key: '',
    title: 'Contract renewal for 2027',
    url: `${MAIL}#all/${ID}`,
  },
  // Threads have no key: the note is the subject.
  note: 'Contract renewal for 2027',
  container: '[role="main"]',
  title: 'h2.hP',
  next: {
    url: '/mail/u/0/#inbox/FMfcgzQXJWDsKmZqRbVtNnLcGpHhTxSe',
    swap(main) {
      const subject = main.querySelector('h2.hP')!;
      subject.setAttribute('data-thread-perm-id', 'thread-f:1797685981273148706');
      subject.setAttribute('data-legacy-thread-id', '18f2a9e01b7c4d22');
      subject.textContent = 'Your invoice for May';
    },
    issue: { externalId: 'gmail_thread_18f2a9e01b7c4d22', key: '', title: 'Your invoice for May' },
  },
});

describePagesWithoutIssue(gmail, [{ view: 'the inbox', fixture: 'gmail/inbox.html', url: `${MAIL}#inbox` }]);

describe('Gmail, more cases', () => {
  it.each([
    ['the inbox', THREAD_URL, MAIL],
    ['a label', `${MAIL}#label/Clients%2FNorthwind/${TOKEN}`, MAIL],
    ['a search', `${MAIL}#search/contract+renewal/${TOKEN}`, MAIL],
    ['All Mail, with the legacy hex id in the hash', `${MAIL}#all/${ID}`, MAIL],
    ['a thread with a reply being written', `${MAIL}#inbox/${TOKEN}?compose=CllgCJlKcQzRbQvWm`, MAIL],
    ['a second account', `https://mail.google.com/mail/u/1/#inbox/${TOKEN}`, 'https://mail.google.com/mail/u/1/'],
  ])('keys a thread in %s by its id, whatever the hash says', async (_, url, mailbox) => {
    expect(await issuesOn(gmail, 'gmail/thread.html', url)).toEqual([
      expect.objectContaining({ externalId: `gmail_thread_${ID}`, url: `${mailbox}#all/${ID}` }),
    ]);
  });

  it('reads the same id from the permanent id alone (thread-f:<n> is the hex id in decimal)', async () => {
    const permanentOnly = () => document.querySelector('h2.hP')!.removeAttribute('data-legacy-thread-id');
    expect(await issuesOn(gmail, 'gmail/thread.html', THREAD_URL, permanentOnly)).toEqual([
      expect.objectContaining({ externalId: `gmail_thread_${ID}`, title: 'Contract renewal for 2027' }),
    ]);
  });

  it.each([
    ['a legacy id that is no Gmail id', () => document.querySelector('h2.hP')!.setAttribute('data-legacy-thread-id', '../inbox')],
    [
      'a thread-a id without a legacy id (no hex form to key it by)',
      () => {
        const subject = document.querySelector('h2.hP')!;
        subject.removeAttribute('data-legacy-thread-id');
        subject.setAttribute('data-thread-perm-id', 'thread-a:r-5893201866203124402');
      },
    ],
    [
      'a heading without ids',
      () => {
        const subject = document.querySelector('h2.hP')!;
        subject.removeAttribute('data-legacy-thread-id');
        subject.removeAttribute('data-thread-perm-id');
      },
    ],
  ])('places no button for %s', async (_, tweak) => {
    expect(await issuesOn(gmail, 'gmail/thread.html', THREAD_URL, tweak)).toEqual([]);
  });

  it('places no button on a page whose hash names no thread, even if a thread header is left in it', async () => {
    expect(await issuesOn(gmail, 'gmail/thread.html', `${MAIL}#inbox`)).toEqual([]);
    expect(await issuesOn(gmail, 'gmail/thread.html', `${MAIL}#inbox/p2`)).toEqual([]);
  });

  it('counts a page as a thread page by its hash', () => {
    const isThread = (url: string) => gmail.issuePages.test(routeOf(gmail, new URL(url)));
    expect(isThread(THREAD_URL)).toBe(true);
    expect(isThread(`${MAIL}#label/Clients%2FNorthwind/${TOKEN}`)).toBe(true);
    expect(isThread(`${MAIL}#all/${ID}`)).toBe(true);
    expect(isThread(`${MAIL}#inbox`)).toBe(false);
    expect(isThread(`${MAIL}#inbox/p2`)).toBe(false);
    expect(isThread(`${MAIL}#settings/general`)).toBe(false);
  });

  it('sends the subject only: never the mail’s text, a sender or an address', async () => {
    const [issue] = await issuesOn(gmail, 'gmail/thread.html', THREAD_URL);
    const fields = Object.values(issue!).join('\n');
    expect(fields).not.toMatch(/@|payment terms|Jonas|Weber|northwind|Anna/i);
    expect(issue).toEqual({ integration: 'gmail', externalId: `gmail_thread_${ID}`, key: '', title: 'Contract renewal for 2027', url: `${MAIL}#all/${ID}` });
  });
});
