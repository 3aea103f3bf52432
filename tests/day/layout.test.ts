import { describe, expect, it } from 'vitest';
import { mergeBySite, siteTotals, suggestedNote } from '@/components/day/activity';
import { untrackedGaps } from '@/components/day/gaps';
import { packRows, secondsAt, xOf } from '@/components/day/layout';
import { dateFromAddress } from '@/components/day/page-date';
import { edited } from '@/components/day/Timeline';
import { taskTotals } from '@/components/day/totals';
import { formatDurationWords } from '@/components/format/duration-words';
import type { DayEntry } from '@/lib/day/day-data';

const h = (hours: number) => Math.round(hours * 3600);

describe('the timeline layout', () => {
  it('puts overlapping spans in sub-rows and the rest in the first row', () => {
    const spans = [
      { start: h(9), end: h(10) },
      { start: h(9.5), end: h(11) },
      { start: h(10), end: h(10.5) },
      { start: h(9.75), end: h(10.25) },
    ];
    expect(packRows(spans)).toEqual({ rows: [0, 1, 0, 2], count: 3 });
    expect(packRows([])).toEqual({ rows: [], count: 1 });
  });

  it('maps the day onto its width and back, clipping what lies outside it', () => {
    expect(secondsAt(xOf(h(13.5)))).toBe(h(13.5));
    expect(xOf(-3600)).toBe(xOf(0));
    expect(xOf(h(25))).toBe(xOf(h(24)));
  });

  it('snaps moves and resizes to five minutes, and keeps an entry five minutes long at least', () => {
    const span = { start: h(9) + 120, end: h(10) };
    expect(edited('move', span, 60)).toEqual(span);
    expect(edited('move', span, 600)).toEqual({ start: h(9) + 600, end: h(10) + 480 });
    expect(edited('end', span, -h(2))).toEqual({ start: span.start, end: span.start + 300 });
    expect(edited('start', span, 1000)).toEqual({ start: h(9) + 1200, end: h(10) });
  });
});

describe('gaps', () => {
  it('are the stretches of attendance no entry covers, five minutes or more', () => {
    const entries = [
      { start: h(9), end: h(10) },
      { start: h(10) + 120, end: h(12) },
      { start: h(11), end: h(12.5) },
    ];
    expect(untrackedGaps(entries, { start: h(8), end: h(16) })).toEqual([
      { start: h(8), end: h(9) },
      { start: h(12.5), end: h(16) },
    ]);
  });

  it('lie between the first and last entry on a day without attendance', () => {
    expect(untrackedGaps([{ start: h(9), end: h(10) }, { start: h(11), end: h(12) }], null)).toEqual([{ start: h(10), end: h(11) }]);
    expect(untrackedGaps([], null)).toEqual([]);
  });
});

describe('activity', () => {
  const spans = [
    { start: h(9), end: h(9.25), site: 'github.com' },
    { start: h(9.25) + 60, end: h(9.5), site: 'github.com' },
    { start: h(9.5), end: h(9.6), site: 'Slack' },
    { start: h(9.6), end: h(10), site: 'github.com' },
  ];

  it('merges spans of one site close together into one stretch, in the order visited', () => {
    expect(mergeBySite(spans).map(({ site, start, end, seconds }) => ({ site, start, end, seconds }))).toEqual([
      { site: 'github.com', start: h(9), end: h(9.5), seconds: h(0.5) - 60 },
      { site: 'Slack', start: h(9.5), end: h(9.6), seconds: h(0.1) },
      { site: 'github.com', start: h(9.6), end: h(10), seconds: h(0.4) },
    ]);
  });

  it('totals time per site, and suggests the sites of a range as a note, most time first', () => {
    expect(siteTotals(spans)).toEqual([
      { site: 'github.com', seconds: h(0.9) - 60 },
      { site: 'Slack', seconds: h(0.1) },
    ]);
    expect(suggestedNote(spans, { start: h(9.5), end: h(9.65) })).toBe('Slack, github.com');
  });
});

describe('totals per task', () => {
  it('count the part of each entry inside the day, most time first', () => {
    const entry = (taskId: number, taskName: string, start: number, end: number): DayEntry => ({
      id: start,
      date: '2026-11-30',
      taskId,
      taskName,
      color: null,
      note: '',
      billable: false,
      locked: false,
      start,
      end,
      durationSeconds: end - start,
    });
    expect(taskTotals([entry(1, 'Night shift', -h(2), h(1)), entry(2, 'Design review', h(9), h(10.5)), entry(1, 'Night shift', h(23), h(24))])).toEqual([
      { taskId: 1, name: 'Night shift', color: null, seconds: h(2) },
      { taskId: 2, name: 'Design review', color: null, seconds: h(1.5) },
    ]);
  });
});

describe('the page address and durations read out', () => {
  it('takes the day from the hash or the date parameter', () => {
    expect(dateFromAddress({ hash: '#2026-11-30', search: '' })).toBe('2026-11-30');
    expect(dateFromAddress({ hash: '', search: '?date=2026-11-29' })).toBe('2026-11-29');
    expect(dateFromAddress({ hash: '#tomorrow', search: '' })).toBeNull();
  });

  it('reads durations in hours and minutes', () => {
    expect(formatDurationWords(5400)).toBe('1 h 30 min');
    expect(formatDurationWords(7200)).toBe('2 h');
    expect(formatDurationWords(2700)).toBe('45 min');
  });
});
