// When a calendar event happens, from the text a calendar shows for it: Google Calendar's
// details ("Tuesday, December 1⋅10:00 – 11:30am", "April 25, 2023, 11:15pm – April 26, 2023,
// 6:45am", "Sunday, December 10" for a whole day) and Outlook's ("Tue 12/1/2026 10:00 AM - 11:30 AM").
// English only, US and UK order, 12- and 24-hour clocks. The text is wall-clock time of the
// browser's zone (the calendar shows its user's zone); the moments come out as epoch ms.

/** A calendar event's time: `start` and `end` epoch ms; `allDay` for whole days (midnight to midnight). */
export interface EventTime {
  start: number;
  end: number;
  allDay: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
// "December 1", "1 December", "12/1" (Outlook, month first); then an optional year.
const DATE = new RegExp(`(?:${MONTH}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH}|(\\d{1,2})/(\\d{1,2}))(?:,?\\s*(?:/)?(\\d{4}))?`, 'gi');
const NUMERIC_YEAR = /(\d{1,2})\/(\d{1,2})\/(\d{4})/g;
const TIME = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?|\b(\d{1,2}):(\d{2})\b/gi;

interface Day {
  year: number | null;
  month: number;
  day: number;
}

function datesIn(text: string): Day[] {
  const found: Array<Day & { at: number }> = [];
  for (const match of text.matchAll(NUMERIC_YEAR)) found.push({ at: match.index, month: Number(match[1]) - 1, day: Number(match[2]), year: Number(match[3]) });
  const rest = text.replace(NUMERIC_YEAR, (whole) => ' '.repeat(whole.length));
  for (const match of rest.matchAll(DATE)) {
    const [, monthFirst, dayAfter, dayFirst, monthAfter, numMonth, numDay, year] = match;
    const name = monthFirst ?? monthAfter;
    const month = name ? MONTHS.indexOf(name.slice(0, 3).toLowerCase()) : Number(numMonth) - 1;
    found.push({ at: match.index, month, day: Number(dayAfter ?? dayFirst ?? numDay), year: year ? Number(year) : null });
  }
  return found.sort((a, b) => a.at - b.at).filter((d) => d.month >= 0 && d.month < 12 && d.day >= 1 && d.day <= 31);
}

interface Clock {
  hour: number;
  minute: number;
  /** 'a' or 'p' when the text said so. */
  half: string | null;
}

function timesIn(text: string): Clock[] {
  return [...text.matchAll(TIME)].map((m) => ({
    hour: Number(m[1] ?? m[4]),
    minute: Number(m[2] ?? m[5] ?? 0),
    half: m[3]?.toLowerCase() ?? null,
  }));
}

const hour24 = ({ hour, half }: Clock) => (half === null ? hour : (hour % 12) + (half === 'p' ? 12 : 0));

/**
 * The event's time, or null when the text shows none this reader knows. `now` gives the year a
 * date without one is in (the calendar leaves the current year out).
 */
export function readEventTime(text: string, now = new Date()): EventTime | null {
  // Google's "⋅" between the date and the time; a spaced dash between start and end.
  const clean = text.replace(/[\u22c5\u00b7]/g, ', ').replace(/\s+/g, ' ');
  const [before, after = ''] = clean.split(/ [\u2013\u2014-] /);
  const dates = datesIn(clean);
  const first = dates[0];
  if (!first) return null;
  const year = (d: Day) => d.year ?? dates.find((other) => other.year !== null)?.year ?? now.getFullYear();
  const at = (d: Day, hours = 0, minutes = 0) => new Date(year(d), d.month, d.day, hours, minutes).getTime();
  const startTimes = timesIn(before!);
  const endTimes = timesIn(after);
  if (startTimes.length === 0 && endTimes.length === 0) {
    // A whole day, or days: to midnight after the last.
    const last = dates[dates.length - 1]!;
    return { start: at(first), end: at({ ...last, day: last.day + 1 }), allDay: true };
  }
  const begin = startTimes[0];
  const finish = endTimes[endTimes.length - 1];
  if (!begin || !finish) return null;
  // "10:00 – 11:30am": the start shares the end's half of the day.
  const startClock = begin.half === null && finish.half !== null ? { ...begin, half: finish.half } : begin;
  const endDay = datesIn(after)[0] ?? first;
  const start = at(first, hour24(startClock), startClock.minute);
  let end = at(endDay, hour24(finish), finish.minute);
  // "11:30pm – 12:30am" on one date: the end is the next day.
  if (end <= start && endDay === first) end = at({ ...first, day: first.day + 1 }, hour24(finish), finish.minute);
  return end > start ? { start, end, allDay: false } : null;
}
