import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { resolveTimes } from '@/components/popup/entry-times';

const H = 3600;

// The messages are the catalogue's (English in the unit tests).
describe("an entry's start, end and duration", () => {
  it('for a new entry: start and end, or start and duration', () => {
    expect(resolveTimes({ start: '9:00', end: '10:30', duration: '' })).toMatchObject({ ok: true, start: 9 * H, end: 10.5 * H, duration: 1.5 * H });
    expect(resolveTimes({ start: '9:00', end: '', duration: '1h30m' })).toMatchObject({ ok: true, start: 9 * H, end: 10.5 * H, duration: 1.5 * H });
    expect(resolveTimes({ start: '9:00', end: '10:30', duration: '1:30' })).toMatchObject({ ok: true, duration: 1.5 * H });
  });

  it('names the field that is wrong', () => {
    expect(resolveTimes({ start: '', end: '10:00', duration: '' })).toEqual({ ok: false, errors: { start: t('popup_needStart') } });
    expect(resolveTimes({ start: '9:00', end: '', duration: '' })).toEqual({ ok: false, errors: { end: t('popup_needEndOrDuration') } });
    expect(resolveTimes({ start: 'nine', end: '10:00', duration: '' })).toEqual({ ok: false, errors: { start: t('popup_invalidTime') } });
    expect(resolveTimes({ start: '9:00', end: '10:00', duration: 'lots' })).toEqual({ ok: false, errors: { duration: t('popup_invalidDuration') } });
    expect(resolveTimes({ start: '10:00', end: '10:00', duration: '' })).toEqual({ ok: false, errors: { end: t('popup_endBeforeStart') } });
    expect(resolveTimes({ start: '9:00', end: '10:00', duration: '3h' })).toEqual({ ok: false, errors: { duration: t('popup_durationMismatch') } });
    expect(resolveTimes({ start: '9:00', end: '', duration: '25h' })).toEqual({ ok: false, errors: { duration: t('popup_durationTooLong') } });
    expect(resolveTimes({ start: '9:00', end: '', duration: '0' })).toEqual({ ok: false, errors: { duration: t('popup_durationZero') } });
  });

  it('runs a new entry past midnight: an end before the start is the next day', () => {
    expect(resolveTimes({ start: '23:00', end: '1:00', duration: '' })).toMatchObject({ ok: true, start: 23 * H, end: 25 * H, duration: 2 * H });
    expect(resolveTimes({ start: '23:00', end: '', duration: '2h' })).toMatchObject({ ok: true, start: 23 * H, end: 25 * H, duration: 2 * H });
  });

  it('keeps an edited entry within its day', () => {
    const original = { start: '09:00', end: '10:00', duration: '1:00' };
    expect(resolveTimes({ ...original, end: '8:00' }, original)).toEqual({ ok: false, errors: { end: t('popup_endBeforeStart') } });
  });

  it('when editing, a new end moves the duration, a new duration moves the end', () => {
    const original = { start: '09:00', end: '10:00', duration: '1:00' };
    expect(resolveTimes({ ...original, end: '11:15' }, original)).toEqual({ ok: true, start: 9 * H, end: 11.25 * H, duration: 2.25 * H, changed: 'span' });
    expect(resolveTimes({ ...original, duration: '2h' }, original)).toEqual({ ok: true, start: 9 * H, end: 11 * H, duration: 2 * H, changed: 'duration' });
    expect(resolveTimes(original, original)).toMatchObject({ ok: true, changed: null });
  });

  it('when editing an entry without times, only the duration counts', () => {
    const original = { start: '', end: '', duration: '1:00' };
    expect(resolveTimes({ ...original, duration: '45' }, original)).toEqual({ ok: true, start: null, end: null, duration: 45 * 60, changed: 'duration' });
  });
});
