import { describe, expect, it } from 'vitest';
import { readEventTime } from '@/lib/integrations/event-time';

// Wall-clock times of the browser's zone (the test run's: moments built the same way).
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = new Date(2026, 11, 5, 12, 0);

describe('the time a calendar shows for an event', () => {
  it.each([
    ['Tuesday, December 1⋅10:00 – 11:30am', at(2026, 12, 1, 10), at(2026, 12, 1, 11, 30)],
    ['Wednesday, April 26⋅2:00 – 3:00pm', at(2026, 4, 26, 14), at(2026, 4, 26, 15)],
    ['Wednesday, April 26⋅11:30am – 12:45pm', at(2026, 4, 26, 11, 30), at(2026, 4, 26, 12, 45)],
    ['Monday, January 1, 2024⋅5:00 – 6:00pm', at(2024, 1, 1, 17), at(2024, 1, 1, 18)],
    ['Tuesday, 1 December⋅14:00 – 15:30', at(2026, 12, 1, 14), at(2026, 12, 1, 15, 30)],
    ['Tue 12/1/2026 10:00 AM - 11:30 AM', at(2026, 12, 1, 10), at(2026, 12, 1, 11, 30)],
  ])('reads %s', (text, start, end) => {
    expect(readEventTime(text, NOW)).toEqual({ start, end, allDay: false });
  });

  it('ends an event that crosses midnight on the next day', () => {
    expect(readEventTime('April 25, 2023, 11:15pm – April 26, 2023, 6:45am', NOW)).toEqual({ start: at(2023, 4, 25, 23, 15), end: at(2023, 4, 26, 6, 45), allDay: false });
    // One date shown, the end at or before the start: the next day.
    expect(readEventTime('Wednesday, April 26⋅11:30am – 12:00am', NOW)).toEqual({ start: at(2026, 4, 26, 11, 30), end: at(2026, 4, 27), allDay: false });
    expect(readEventTime('Friday, December 4⋅23:00 – 01:30', NOW)).toEqual({ start: at(2026, 12, 4, 23), end: at(2026, 12, 5, 1, 30), allDay: false });
  });

  it('gives a whole day, or days, from midnight to midnight', () => {
    expect(readEventTime('Sunday, December 10', NOW)).toEqual({ start: at(2026, 12, 10), end: at(2026, 12, 11), allDay: true });
    expect(readEventTime('Sunday, January 21, 2024', NOW)).toEqual({ start: at(2024, 1, 21), end: at(2024, 1, 22), allDay: true });
    expect(readEventTime('December 30, 2026 – January 1, 2027', NOW)).toEqual({ start: at(2026, 12, 30), end: at(2027, 1, 2), allDay: true });
  });

  it('reads nothing from text that shows no date', () => {
    expect(readEventTime('Weekly on Tuesday', NOW)).toBeNull();
    expect(readEventTime('', NOW)).toBeNull();
    expect(readEventTime('10:00 – 11:00', NOW)).toBeNull();
  });
});
