import { describe, expect, it } from 'vitest';
import { addDays, formatLocalDateTime, formatTimeOfDay, parseLocalDateTime, parseTimeOfDay, weekday } from './zone.ts';

describe('account-zone wall clock', () => {
  const instant = Date.UTC(2024, 5, 12, 12, 30, 15);

  it('formats and parses local time in the account zone, not the process zone', () => {
    expect(formatLocalDateTime(instant, 'Europe/Warsaw')).toBe('2024-06-12 14:30:15');
    expect(formatLocalDateTime(instant, 'America/New_York')).toBe('2024-06-12 08:30:15');
    expect(formatLocalDateTime(instant, 'Asia/Kolkata')).toBe('2024-06-12 18:00:15');
    for (const zone of ['Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      expect(parseLocalDateTime(formatLocalDateTime(instant, zone), zone)).toBe(instant);
    }
  });

  it('handles the days clocks change', () => {
    // 31 March 2024: Warsaw jumps from 02:00 to 03:00; 27 October: back from 03:00 to 02:00.
    expect(parseLocalDateTime('2024-03-31 03:30:00', 'Europe/Warsaw')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(parseLocalDateTime('2024-03-31 01:30:00', 'Europe/Warsaw')).toBe(Date.UTC(2024, 2, 31, 0, 30));
    expect(parseLocalDateTime('2024-10-27 04:00:00', 'Europe/Warsaw')).toBe(Date.UTC(2024, 9, 27, 3, 0));
    expect(formatLocalDateTime(Date.UTC(2024, 9, 27, 0, 30), 'Europe/Warsaw')).toBe('2024-10-27 02:30:00');
  });

  it('refuses text that is not a datetime', () => {
    expect(parseLocalDateTime('12/06/2024 10:00', 'UTC')).toBeUndefined();
    expect(parseLocalDateTime('2024-13-01 10:00:00', 'UTC')).toBeUndefined();
    expect(parseTimeOfDay('25:00')).toBeUndefined();
  });

  it('does calendar and time-of-day arithmetic', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekday('2024-06-12')).toBe(3);
    expect(parseTimeOfDay('9:05')).toBe(9 * 3600 + 5 * 60);
    expect(formatTimeOfDay(13 * 3600 + 7)).toBe('13:00:07');
    expect(formatTimeOfDay(30 * 3600)).toBe('23:59:59');
  });
});
