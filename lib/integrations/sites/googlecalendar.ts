import { defineIntegration, type SiteInfo } from '../define';
import { readEventTime } from '../event-time';
import { firstText } from '../read';

// Google Calendar, calendar.google.com/calendar/. An event opened on the calendar shows in a
// details popup (`div[role=dialog][data-chips-dialog=true]`, no URL of its own); `#xDetDlg` holds
// the event's id (`data-eventid`, the `eid` of Google's event links): `googlecalendar_event_<eid>`.
// The note is the event's title, never its description, place or guests. The time line
// (`#xDetDlgWhen`) gives the event's time: once it is over, the button offers "Add as entry".
const EID = /^[A-Za-z0-9_-]{8,200}={0,2}$/;

export const about = { id: 'googlecalendar', name: 'Google Calendar', matches: [], selfHosted: false, optionalHosts: ['https://calendar.google.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  // A popup has no address: no page counts as an event's.
  issuePages: /(?!)/,
  places: [
    {
      // First among the popup's header actions (edit, delete, more), as TMetric places its button.
      name: 'event',
      anchor: '#xDetDlg .Tnsqdc .pPTZAe',
      position: 'prepend',
      read(anchor, page) {
        const details = anchor.closest('#xDetDlg');
        const eid = details?.getAttribute('data-eventid') ?? '';
        if (!details || !EID.test(eid)) return null;
        return {
          externalId: `googlecalendar_event_${eid}`,
          key: '',
          title: firstText(details, '#rAECCd') || firstText(details, '[role="heading"]'),
          url: `${page.origin}/calendar/event?eid=${eid}`,
          event: readEventTime(firstText(details, '#xDetDlgWhen .AzuXid') || firstText(details, '#xDetDlgWhen')),
        };
      },
    },
  ],
});
