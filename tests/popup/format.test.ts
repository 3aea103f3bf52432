import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, parseDuration } from '@/components/format/duration';
import { formatTimeOfDay, parseTimeOfDay, secondsOfApiTime, toApiTime } from '@/components/format/time';
import { rowWindow, scrollToShow } from '@/components/task-picker/virtual-window';

describe('durations as people type them', () => {
  it.each([
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1h30', 5400],
    ['1 h 30 min', 5400],
    ['2h', 7200],
    ['1:30', 5400],
    ['0:05', 300],
    ['1:30:15', 5415],
    ['90m', 5400],
    ['90 min', 5400],
    ['1.5h', 5400],
    ['1,5h', 5400],
    ['1.25 hours', 4500],
    ['45', 2700],
    ['45s', 45],
    ['2g', 7200],
    ['  3H ', 10800],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'abc', '1.5', '1:75', '1:5', '30m 1h', '1h 2h', 'h', '-1h', '1h30x', '1..5h', '1:30pm'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('formats as h:mm or decimal hours, the running timer with seconds', () => {
    expect(formatDuration(5400)).toBe('1:30');
    expect(formatDuration(59)).toBe('0:00');
    expect(formatDuration(36_000 + 65)).toBe('10:01');
    expect(formatDuration(5400, 'decimal')).toBe('1.50 h');
    expect(formatDuration(-5)).toBe('0:00');
    expect(formatElapsed(7)).toBe('0:00:07');
    expect(formatElapsed(5025)).toBe('1:23:45');
    expect(formatElapsed(26 * 3600)).toBe('26:00:00');
  });
});

describe('times of day', () => {
  it.each([
    ['9', 9 * 3600],
    ['09:05', 9 * 3600 + 300],
    ['9.05', 9 * 3600 + 300],
    ['905', 9 * 3600 + 300],
    ['1430', 14 * 3600 + 1800],
    ['9:05:30', 9 * 3600 + 330],
    ['9am', 9 * 3600],
    ['9:05 PM', 21 * 3600 + 300],
    ['12am', 0],
    ['12 pm', 12 * 3600],
    ['0:00', 0],
    ['23:59', 23 * 3600 + 59 * 60],
  ])('%s is %i seconds after midnight', (text, seconds) => {
    expect(parseTimeOfDay(text)).toBe(seconds);
  });

  it.each(['', '24:00', '9:60', '13pm', '0am', 'noon', '9:5', '12:00:61'])('refuses %j', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });

  it('formats 24h and 12h, and reads the API forms', () => {
    expect(formatTimeOfDay(9 * 3600 + 300)).toBe('09:05');
    expect(formatTimeOfDay(21 * 3600 + 300, '12h')).toBe('9:05 PM');
    expect(formatTimeOfDay(0, '12h')).toBe('12:00 AM');
    expect(formatTimeOfDay(12 * 3600, '12h')).toBe('12:00 PM');
    expect(toApiTime(9 * 3600 + 300)).toBe('09:05:00');
    expect(secondsOfApiTime('2026-11-27 14:30:00')).toBe(14 * 3600 + 1800);
    expect(secondsOfApiTime('14:30')).toBe(14 * 3600 + 1800);
    expect(secondsOfApiTime(null)).toBeNull();
  });
});

describe('the virtual window of a long list', () => {
  it('holds the visible rows plus a few either side, never the whole list', () => {
    expect(rowWindow(10_000, 40, 240, 0)).toEqual({ start: 0, end: 11 });
    expect(rowWindow(10_000, 40, 240, 4000)).toEqual({ start: 96, end: 111 });
    expect(rowWindow(10_000, 40, 240, 400_000)).toEqual({ start: 9995, end: 10_000 });
    expect(rowWindow(3, 40, 120, 0)).toEqual({ start: 0, end: 3 });
    expect(rowWindow(0, 40, 0, 0)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls as little as possible to show a row', () => {
    expect(scrollToShow(0, 40, 240, 0)).toBe(0);
    expect(scrollToShow(6, 40, 240, 0)).toBe(40);
    expect(scrollToShow(2, 40, 240, 200)).toBe(80);
    expect(scrollToShow(7, 40, 240, 200)).toBe(200);
  });
});
