import { describe, expect, it } from 'vitest';
import { checkNoteTemplate, checkWorkingHours, parseIdleMinutes } from '@/lib/options/settings-rules';

describe('checkNoteTemplate', () => {
  it.each(['{key} {title}', '{title}', '[{project}] {key}: {title} — {url}', 'Support call', 'a {} b'])('accepts %j', (template) => {
    expect(checkNoteTemplate(template)).toBeNull();
  });

  it('refuses an empty template, a very long one and a misspelt placeholder', () => {
    expect(checkNoteTemplate('')).toEqual({ problem: 'empty' });
    expect(checkNoteTemplate(' \t ')).toEqual({ problem: 'empty' });
    expect(checkNoteTemplate('x'.repeat(201))).toEqual({ problem: 'long' });
    expect(checkNoteTemplate('{key} {tittle}')).toEqual({ problem: 'unknown', placeholder: '{tittle}' });
    expect(checkNoteTemplate('{Key}')).toEqual({ problem: 'unknown', placeholder: '{Key}' });
  });
});

describe('parseIdleMinutes', () => {
  it('takes whole minutes from 1 to 240', () => {
    expect(parseIdleMinutes('1')).toEqual({ ok: true, minutes: 1 });
    expect(parseIdleMinutes(' 240 ')).toEqual({ ok: true, minutes: 240 });
    expect(parseIdleMinutes('0')).toEqual({ ok: false, problem: 'range' });
    expect(parseIdleMinutes('241')).toEqual({ ok: false, problem: 'range' });
    for (const text of ['', '1.5', '-3', '1e2', 'ten']) expect(parseIdleMinutes(text)).toEqual({ ok: false, problem: 'number' });
  });
});

describe('checkWorkingHours', () => {
  it('wants two times of day, the first before the second', () => {
    expect(checkWorkingHours('09:00', '17:00')).toBeNull();
    expect(checkWorkingHours('00:00', '23:59')).toBeNull();
    expect(checkWorkingHours('17:00', '09:00')).toBe('order');
    expect(checkWorkingHours('09:00', '09:00')).toBe('order');
    expect(checkWorkingHours('', '17:00')).toBe('from');
    expect(checkWorkingHours('9:00', '17:00')).toBe('from');
    expect(checkWorkingHours('09:00', '24:00')).toBe('to');
  });
});
