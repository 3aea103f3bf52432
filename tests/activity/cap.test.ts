import { describe, expect, it } from 'vitest';
import { capSpans, SPANS_PER_DAY } from '@/lib/activity/cap';
import type { WaitingSpan } from '@/lib/activity/outbox';

const S = 1_000;
const DAY = 24 * 60 * 60 * S;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
const total = (spans: WaitingSpan[]) => spans.reduce((sum, span) => sum + span.end - span.start, 0);
const span = (domain: string, start: number, seconds: number, taskId: number | null = null): WaitingSpan => ({ domain, title: null, start, end: start + seconds * S, taskId });

describe('the day cap', () => {
  it('keeps a day under the cap as it is', () => {
    const spans = [span('github.com', 0, 60), span('linear.app', 60 * S, 30)];
    expect(capSpans(spans, dayOf, 5)).toEqual(spans);
  });

  it('merges the oldest adjacent spans of one site first, keeping their seconds', () => {
    const spans = [span('a.com', 0, 10), span('b.com', 20 * S, 5), span('c.com', 30 * S, 7), span('c.com', 40 * S, 3), span('a.com', 50 * S, 4)];
    const capped = capSpans(spans, dayOf, 4);
    expect(capped.map((s) => [s.domain, s.start / S, (s.end - s.start) / S])).toEqual([
      ['a.com', 0, 10],
      ['b.com', 20, 5],
      ['c.com', 30, 10],
      ['a.com', 50, 4],
    ]);
    expect(total(capped)).toBe(total(spans));
  });

  it('then merges the oldest neighbours, naming the longer one, and never makes spans overlap', () => {
    const spans = [span('a.com', 0, 10), span('b.com', 20 * S, 30), span('c.com', 60 * S, 5)];
    const capped = capSpans(spans, dayOf, 2);
    expect(capped.map((s) => [s.domain, s.start / S, (s.end - s.start) / S])).toEqual([
      ['b.com', 0, 40],
      ['c.com', 60, 5],
    ]);
    expect(capped[0]!.end).toBeLessThanOrEqual(capped[1]!.start);
  });

  it('holds a busy day to the cap with its total seconds unchanged, and leaves the other days alone', () => {
    const busy = Array.from({ length: SPANS_PER_DAY + 500 }, (_, i) => span(['github.com', 'linear.app', 'docs.example.org'][i % 3]!, i * 20 * S, 3 + (i % 17), i % 2 ? 42 : null));
    const yesterday = [span('github.com', -DAY, 60)];
    const capped = capSpans([...busy, ...yesterday], dayOf);
    const today = capped.filter((s) => dayOf(s.start) === dayOf(0));
    expect(today).toHaveLength(SPANS_PER_DAY);
    expect(total(today)).toBe(total(busy));
    expect(capped.filter((s) => dayOf(s.start) !== dayOf(0))).toEqual(yesterday);
    for (let i = 1; i < today.length; i++) expect(today[i - 1]!.end).toBeLessThanOrEqual(today[i]!.start);
  });
});
