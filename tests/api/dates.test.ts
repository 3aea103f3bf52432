import { describe, expect, it } from 'vitest';
import { formatApiDate, formatApiDateTime, localOffsetMinutes, offsetFromServerTime, parseApiDateTime } from '@/lib/api/dates';

const moment = Date.UTC(2026, 10, 28, 23, 30, 5); // 2026-11-28 23:30:05 UTC

describe('API datetimes', () => {
  it('formats a moment as wall-clock time in the account zone, whatever the browser zone', () => {
    expect(formatApiDateTime(moment, 60)).toBe('2026-11-29 00:30:05');
    expect(formatApiDateTime(moment, -300)).toBe('2026-11-28 18:30:05');
    expect(formatApiDate(moment, 60)).toBe('2026-11-29');
  });

  it('parses local datetimes and dates back to the same moment', () => {
    expect(parseApiDateTime('2026-11-29 00:30:05', 60)).toBe(moment);
    expect(parseApiDateTime('2026-11-29', 0)).toBe(Date.UTC(2026, 10, 29));
    expect(parseApiDateTime('2026-02-31 10:00:00', 0)).toBeNull();
    expect(parseApiDateTime('yesterday', 0)).toBeNull();
    expect(parseApiDateTime(' 2026-11-29 00:30:05\n', 60)).toBe(moment);
  });

  it('derives the account offset from a server datetime, absorbing travel time', () => {
    // The server says the timer started at 12:00:00 local; we know that moment was 10:59:58 UTC.
    expect(offsetFromServerTime('2026-07-01 12:00:00', Date.UTC(2026, 6, 1, 10, 59, 58))).toBe(60);
    expect(offsetFromServerTime('2026-07-01 05:30:01', Date.UTC(2026, 6, 1, 0, 0, 0))).toBe(330);
    expect(offsetFromServerTime('nonsense', 0)).toBeNull();
  });
});

describe("the browser's own offset", () => {
  it('turns a moment into the wall-clock time the browser shows for it', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const at of [moment, Date.UTC(2026, 6, 1, 12, 0, 0)]) {
      const d = new Date(at);
      const shown = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
      expect(formatApiDateTime(at, localOffsetMinutes(at))).toBe(shown);
    }
  });
});
