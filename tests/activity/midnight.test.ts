import { describe, expect, it } from 'vitest';
import { splitAtMidnight } from '@/lib/activity/midnight';

// TimeCamp files computer activity by the account's day: a span is cut at the account's midnight,
// which is not the browser's when their zones differ.

const span = (start: string, end: string) => ({ accountKey: 'a', domain: 'github.com', title: null, start: Date.parse(start), end: Date.parse(end) });
const warsaw = () => 60;
const times = (parts: Array<{ start: number; end: number }>) => parts.map((part) => [new Date(part.start).toISOString(), new Date(part.end).toISOString()]);

describe('splitting activity spans at the account\'s midnight', () => {
  it('keeps a span within one account day whole', () => {
    expect(times(splitAtMidnight(span('2026-11-27T21:00:00Z', '2026-11-27T22:30:00Z'), warsaw))).toEqual([['2026-11-27T21:00:00.000Z', '2026-11-27T22:30:00.000Z']]);
  });

  it('cuts at the account zone\'s midnight (23:00 UTC for UTC+1), keeping every second', () => {
    const parts = splitAtMidnight(span('2026-11-27T22:30:00Z', '2026-11-27T23:45:00Z'), warsaw);
    expect(times(parts)).toEqual([
      ['2026-11-27T22:30:00.000Z', '2026-11-27T23:00:00.000Z'],
      ['2026-11-27T23:00:00.000Z', '2026-11-27T23:45:00.000Z'],
    ]);
    expect(parts.every((part) => part.domain === 'github.com' && part.accountKey === 'a')).toBe(true);
  });

  it('cuts a span over two midnights into three days', () => {
    const parts = splitAtMidnight(span('2026-11-27T20:00:00Z', '2026-11-29T01:00:00Z'), warsaw);
    expect(times(parts)).toEqual([
      ['2026-11-27T20:00:00.000Z', '2026-11-27T23:00:00.000Z'],
      ['2026-11-27T23:00:00.000Z', '2026-11-28T23:00:00.000Z'],
      ['2026-11-28T23:00:00.000Z', '2026-11-29T01:00:00.000Z'],
    ]);
  });

  it('does not cut a span that ends at midnight', () => {
    expect(splitAtMidnight(span('2026-11-27T22:00:00Z', '2026-11-27T23:00:00Z'), warsaw)).toHaveLength(1);
  });

  it('follows a zone west of UTC', () => {
    const newYork = () => -300;
    expect(times(splitAtMidnight(span('2026-11-28T04:30:00Z', '2026-11-28T05:30:00Z'), newYork))).toEqual([
      ['2026-11-28T04:30:00.000Z', '2026-11-28T05:00:00.000Z'],
      ['2026-11-28T05:00:00.000Z', '2026-11-28T05:30:00.000Z'],
    ]);
  });
});
