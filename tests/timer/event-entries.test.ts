import { describe, expect, it } from 'vitest';
import { eventEntries } from '@/lib/timer/event-entries';

const utc = (text: string) => Date.parse(`${text}Z`);
const fields = { taskId: 7, note: 'Design review' };

describe('the entries a calendar event becomes', () => {
  it('is one entry with the event’s times in the account’s zone', () => {
    // 09:00–10:30 UTC is 10:00–11:30 in an account one hour east (the browser's zone plays no part).
    expect(eventEntries({ start: utc('2026-12-01T09:00:00'), end: utc('2026-12-01T10:30:00') }, { accountOffsetMinutes: 60 }, fields)).toEqual([
      { date: '2026-12-01', startTime: '10:00:00', endTime: '11:30:00', durationSeconds: 5400, taskId: 7, note: 'Design review' },
    ]);
  });

  it('lands on the account’s own day, where it differs from the browser’s', () => {
    // 22:30 UTC on the 1st is 07:30 on the 2nd in Tokyo.
    expect(eventEntries({ start: utc('2026-12-01T22:30:00'), end: utc('2026-12-01T23:00:00') }, { accountOffsetMinutes: 540 }, fields)).toEqual([
      { date: '2026-12-02', startTime: '07:30:00', endTime: '08:00:00', durationSeconds: 1800, taskId: 7, note: 'Design review' },
    ]);
  });

  it('splits an event across the account’s midnight into one entry per day', () => {
    expect(eventEntries({ start: utc('2026-12-01T22:00:00'), end: utc('2026-12-02T01:30:00') }, { accountOffsetMinutes: 0 }, fields)).toEqual([
      { date: '2026-12-01', startTime: '22:00:00', endTime: '23:59:59', durationSeconds: 7199, taskId: 7, note: 'Design review' },
      { date: '2026-12-02', startTime: '00:00:00', endTime: '01:30:00', durationSeconds: 5400, taskId: 7, note: 'Design review' },
    ]);
  });

  it('gives a whole day as one entry of the day', () => {
    // An all-day event in an account at UTC−5, read in a browser of that zone.
    const start = utc('2026-12-03T05:00:00');
    expect(eventEntries({ start, end: start + 24 * 3600_000 }, { accountOffsetMinutes: -300 }, fields)).toEqual([
      { date: '2026-12-03', startTime: '00:00:00', endTime: '23:59:59', durationSeconds: 86399, taskId: 7, note: 'Design review' },
    ]);
  });

  it('makes nothing of an event without time', () => {
    expect(eventEntries({ start: utc('2026-12-01T09:00:00'), end: utc('2026-12-01T09:00:00') }, { accountOffsetMinutes: 0 }, fields)).toEqual([]);
  });
});
