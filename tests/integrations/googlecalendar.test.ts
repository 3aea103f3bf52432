// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import googlecalendar from '@/lib/integrations/sites/googlecalendar';
import { startIntegrations } from '@/lib/integrations/start';
import { buttonOf, fakeMessenger, issuesOn, onlyHost, openPage, settle, userClick } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/12/1';
const EID = 'M2Q0Zm1xbjhqcjVvYnI0Z2ZzZ3Q2cWJvNjQgYW5uQGV4YW1wbGUuY29t';

describeView({
  integration: googlecalendar,
  view: 'event details popup',
  fixture: 'googlecalendar/event-popup.html',
  url: WEEK,
  issuePage: false,
  issue: {
    externalId: `googlecalendar_event_${EID}`,
    key: '',
    title: 'Design review',
    url: `https://calendar.google.com/calendar/event?eid=${EID}`,
  },
  note: 'Design review',
  container: '#xDetDlg',
  title: '#rAECCd',
  next: {
    url: '/calendar/u/0/r/week/2026/12/8',
    swap(details) {
      details.setAttribute('data-eventid', 'NWtxYjJ0cmFnOHZrM2c1NnE4cmNqYjJqdjggYW5uQGV4YW1wbGUuY29t');
      details.querySelector('#rAECCd')!.textContent = 'Sprint planning';
    },
    issue: { externalId: 'googlecalendar_event_NWtxYjJ0cmFnOHZrM2c1NnE4cmNqYjJqdjggYW5uQGV4YW1wbGUuY29t', key: '', title: 'Sprint planning' },
  },
});

describePagesWithoutIssue(googlecalendar, [{ view: 'the week with no event open', fixture: 'googlecalendar/week.html', url: WEEK }]);

describe('“Add as entry” on a calendar event', () => {
  let stop: () => void = () => undefined;
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  async function open(when: string, now: string) {
    vi.useFakeTimers({ now: new Date(now), toFake: ['Date'] });
    openPage('googlecalendar/event-popup.html', WEEK);
    document.querySelector('#xDetDlgWhen .AzuXid')!.textContent = when;
    const messenger = fakeMessenger();
    stop = startIntegrations([googlecalendar], { messenger });
    await settle();
    const addEntry = onlyHost().shadowRoot!.querySelector<HTMLButtonElement>('button.e');
    return { messenger, addEntry: addEntry && !addEntry.hidden ? addEntry : null };
  }

  it('is offered once the event is over, and asks for the picker with the event’s time', async () => {
    const { messenger, addEntry } = await open('Tuesday, December 1, 2026⋅10:00 – 11:30am', '2026-12-01T23:00:00');
    expect(addEntry?.textContent).toBe('Add as entry');
    // Start timer still starts a timer, and says nothing of the event.
    userClick(buttonOf(onlyHost()));
    await settle();
    expect(messenger.startFromIssue).toHaveBeenLastCalledWith(expect.not.objectContaining({ event: expect.anything() }));

    messenger.startFromIssue.mockResolvedValue({ outcome: 'needs-task', picker: 'token' });
    userClick(addEntry!);
    await settle();
    expect(messenger.startFromIssue).toHaveBeenLastCalledWith(
      expect.objectContaining({
        externalId: `googlecalendar_event_${EID}`,
        title: 'Design review',
        event: { start: new Date(2026, 11, 1, 10).getTime(), end: new Date(2026, 11, 1, 11, 30).getTime() },
      }),
    );
  });

  it.each([
    ['an event still to come', 'Tuesday, December 1, 2026⋅10:00 – 11:30am', '2026-12-01T11:00:00'],
    ['a whole-day event', 'Tuesday, December 1, 2026', '2026-12-05T12:00:00'],
    ['an event whose time the popup does not show', 'Weekly on Tuesday', '2026-12-05T12:00:00'],
  ])('is not offered for %s', async (_, when, now) => {
    expect((await open(when, now)).addEntry).toBeNull();
  });
});

describe('Google Calendar, more cases', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the event’s time from the popup, and nothing of its description or guests', async () => {
    const [issue] = await issuesOn(googlecalendar, 'googlecalendar/event-popup.html', WEEK);
    expect(JSON.stringify(issue)).not.toMatch(/Agenda|@example\.com|Weekly/);
  });

  it('places no button for an event id that is not one', async () => {
    const tweak = () => document.querySelector('#xDetDlg')!.setAttribute('data-eventid', '<b>1</b>');
    expect(await issuesOn(googlecalendar, 'googlecalendar/event-popup.html', WEEK, tweak)).toEqual([]);
  });

  it('reads a whole-day event as one', () => {
    openPage('googlecalendar/event-popup.html', WEEK);
    document.querySelector('#xDetDlgWhen .AzuXid')!.textContent = 'Tuesday, December 1';
    const anchor = document.querySelector('#xDetDlg .Tnsqdc .pPTZAe')!;
    expect(googlecalendar.places[0]!.read(anchor, new URL(WEEK))?.event).toMatchObject({ allDay: true });
  });
});
