// @vitest-environment happy-dom
import outlook from '@/lib/integrations/sites/outlook';
import { describe, expect, it } from 'vitest';
import { issuesOn, openPage } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

// Exchange ids are base64; the path carries them URL-encoded.
const ID = 'AAQkADk3YmE0ZTFiLTcxNjgtNDJjNi05ZWQ0LWQ1ZmE2MjE0YzQ1MwAQAJ8xK2wZ/vBMn4cT7u9Rq1E=';
const IN_PATH = encodeURIComponent(ID);
const URL_OF = (host: string, path: string) => `https://${host}${path}`;
const CONVERSATION = URL_OF('outlook.office.com', `/mail/inbox/id/${IN_PATH}`);
const NEXT = 'AAQkADk3YmE0ZTFiLTcxNjgtNDJjNi05ZWQ0LWQ1ZmE2MjE0YzQ1MwAQAEc2pV8nQ0dLq7bW3fZ+Ye4=';

describeView({
  integration: outlook,
  view: 'conversation in the reading pane',
  fixture: 'outlook/conversation.html',
  url: CONVERSATION,
  issue: { externalId: `outlook_mail_${ID}`, key: '', title: 'Offer for the new office furniture', url: CONVERSATION },
  // Mail has no key: the note is the subject.
  note: 'Offer for the new office furniture',
  container: '[aria-label="Reading Pane"]',
  title: '[aria-label="Reading Pane"] [role="heading"] span',
  next: {
    url: `/mail/inbox/id/${encodeURIComponent(NEXT)}`,
    swap(pane) {
      pane.querySelector('[role="heading"] span')!.textContent = 'Password expires in 5 days';
    },
    issue: { externalId: `outlook_mail_${NEXT}`, key: '', title: 'Password expires in 5 days' },
  },
});

describePagesWithoutIssue(outlook, [
  { view: 'the inbox with no mail open', fixture: 'outlook/inbox.html', url: 'https://outlook.office.com/mail/inbox' },
  { view: 'the inbox of Outlook.com', fixture: 'outlook/inbox.html', url: 'https://outlook.live.com/mail/0/' },
]);

const EVENT_ID = 'AAMkAGI2TGuLAAABBgAAAGQ5ZTE0YTAwLTI3ZWEtNDgxMy05MGIxLTBmZjMxMjQ5ZDA1OAA=';
const EVENT = URL_OF('outlook.office.com', `/calendar/item/${encodeURIComponent(EVENT_ID)}`);

describeView({
  integration: outlook,
  view: 'calendar event in the reading pane',
  fixture: 'outlook/calendar-event.html',
  url: EVENT,
  issue: { externalId: `outlook_event_${EVENT_ID}`, key: '', title: 'Quarterly planning', url: EVENT },
  note: 'Quarterly planning',
  container: '[data-app-section="ReadingPane"]',
  title: '.CWGkB',
  next: {
    url: `/calendar/item/${encodeURIComponent('AAMkAGI2TGuLAAABBgAAAGQ5ZTE0YTAwLTI3ZWEtNDgxMy05MGIxLTBmZjMxMjQ5ZDA1OQA=')}`,
    swap: (pane) => (pane.querySelector('.CWGkB')!.textContent = 'Design sync'),
    issue: { externalId: 'outlook_event_AAMkAGI2TGuLAAABBgAAAGQ5ZTE0YTAwLTI3ZWEtNDgxMy05MGIxLTBmZjMxMjQ5ZDA1OQA=', key: '', title: 'Design sync' },
  },
});

describe('Outlook, a calendar event’s time', () => {
  it('is read from the pane, and nothing of the place, organiser or agenda goes into the issue', async () => {
    openPage('outlook/calendar-event.html', EVENT);
    const anchor = document.querySelector('[data-app-section="ReadingPane"] #TopBar')!;
    const fields = outlook.places.find((place) => place.name === 'event')!.read(anchor, new URL(EVENT))!;
    expect(fields.event).toEqual({ start: new Date(2026, 10, 23, 14).getTime(), end: new Date(2026, 10, 23, 15, 30).getTime(), allDay: false });
    const { event: _time, ...issue } = fields;
    expect(JSON.stringify(issue)).not.toMatch(/contoso|Agenda|room|Ann Lee/);
  });

  it('is none when the pane shows no time', async () => {
    openPage('outlook/calendar-event.html', EVENT);
    document.querySelector('[data-app-section="ReadingPane"] span')!.textContent = 'Every Monday';
    const anchor = document.querySelector('[data-app-section="ReadingPane"] #TopBar')!;
    expect(outlook.places.find((place) => place.name === 'event')!.read(anchor, new URL(EVENT))?.event).toBeNull();
  });
});

describe('Outlook, more cases', () => {
  it.each([
    ['the inbox', 'outlook.office.com', `/mail/inbox/id/${IN_PATH}`],
    ['Microsoft 365’s other host', 'outlook.office365.com', `/mail/inbox/id/${IN_PATH}`],
    ['Outlook.com', 'outlook.live.com', `/mail/0/inbox/id/${IN_PATH}`],
    ['sent items', 'outlook.office.com', `/mail/sentitems/id/${IN_PATH}`],
    ['a folder named by its id', 'outlook.office.com', `/mail/AAMkADk3YmE0ZTFiLTcxNjgALgAAAAAA/id/${IN_PATH}`],
    ['a conversation’s deep link', 'outlook.office.com', `/mail/deeplink/readconv/${IN_PATH}`],
    ['a path with a query', 'outlook.office.com', `/mail/inbox/id/${IN_PATH}?nlp=1`],
  ])('reads the decoded id from %s', async (_, host, path) => {
    const url = URL_OF(host, path);
    expect(await issuesOn(outlook, 'outlook/conversation.html', url)).toEqual([
      expect.objectContaining({ externalId: `outlook_mail_${ID}`, url: url.replace(/\?.*$/, '') }),
    ]);
  });

  it('gives the same id whether the path encodes all of the id’s characters or not', async () => {
    const loose = URL_OF('outlook.office.com', `/mail/inbox/id/${ID.replace('/', '%2F').replace('=', '%3D')}`);
    expect(await issuesOn(outlook, 'outlook/conversation.html', loose)).toEqual([expect.objectContaining({ externalId: `outlook_mail_${ID}` })]);
  });

  it.each([
    ['no mail open', '/mail/inbox'],
    ['an id too short to be Exchange’s', '/mail/inbox/id/AAQk'],
    ['an id with other characters', `/mail/inbox/id/${IN_PATH}%3Cx%3E`],
    ['an id that does not decode', `/mail/inbox/id/${IN_PATH}%E0%A4%A`],
    ['the calendar', `/calendar/item/${IN_PATH}`],
  ])('places no button for %s', async (_, path) => {
    expect(await issuesOn(outlook, 'outlook/conversation.html', URL_OF('outlook.office.com', path))).toEqual([]);
  });

  it('finds the subject without its text-selection class, as Clockify and Toggl do', async () => {
    const plain = () => document.querySelector('.allowTextSelection')!.classList.remove('allowTextSelection');
    expect(await issuesOn(outlook, 'outlook/conversation.html', CONVERSATION, plain)).toEqual([
      expect.objectContaining({ externalId: `outlook_mail_${ID}`, title: 'Offer for the new office furniture' }),
    ]);
  });

  it('gives the messages’ headings (their senders) no button, even in the subject’s shape', async () => {
    const senderLikeSubject = () => {
      const sender = document.querySelector('[aria-level="3"]')!;
      sender.classList.add('allowTextSelection');
      sender.setAttribute('title', sender.textContent!);
    };
    expect(await issuesOn(outlook, 'outlook/conversation.html', CONVERSATION, senderLikeSubject)).toEqual([
      expect.objectContaining({ title: 'Offer for the new office furniture' }),
    ]);
  });

  it('sends the subject only: never the mail’s text, a sender or an address', async () => {
    const [issue] = await issuesOn(outlook, 'outlook/conversation.html', CONVERSATION);
    expect(Object.values(issue!).join('\n')).not.toMatch(/@|Lena|Fischer|desks|Anna/i);
  });
});
