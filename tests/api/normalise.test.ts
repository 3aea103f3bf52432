import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { flag, collection, keyedById, num, optionalDateTime, optionalId, optionalText, text } from '@/lib/api/normalise';

describe('normalising TimeCamp values', () => {
  it('reads numbers sent as numbers or strings, and refuses words', () => {
    expect(v.parse(num, '3600')).toBe(3600);
    expect(v.parse(num, 3600)).toBe(3600);
    expect(v.safeParse(num, 'abc').success).toBe(false);
  });

  it('reads every spelling of a flag', () => {
    expect([true, 1, '1', 'true'].map((value) => v.parse(flag, value))).toEqual([true, true, true, true]);
    expect([false, 0, '0', 'false', ''].map((value) => v.parse(flag, value))).toEqual([false, false, false, false, false]);
  });

  it('treats 0, empty and null ids as none', () => {
    expect([0, '0', '', null, '12'].map((value) => v.parse(optionalId, value))).toEqual([null, null, null, null, 12]);
  });

  it('decodes entity-encoded text and turns null into empty text', () => {
    expect(v.parse(text, 'R&amp;D')).toBe('R&D');
    expect(v.parse(text, null)).toBe('');
  });

  it('turns id-keyed objects into arrays, and takes plain lists and PHP\'s empty [] as they are', () => {
    const schema = collection(v.object({ id: num }));
    expect(v.parse(schema, { '4': { id: '4' }, '9': { id: 9 } })).toEqual([{ id: 4 }, { id: 9 }]);
    expect(v.parse(schema, [{ id: '1' }])).toEqual([{ id: 1 }]);
    expect(v.parse(schema, [])).toEqual([]);
    expect(v.safeParse(schema, { '4': { id: 'four' } }).success).toBe(false);
  });

  it('keeps the ids of collections whose items do not repeat them', () => {
    const schema = keyedById(v.object({ window_title: text }));
    expect(v.parse(schema, { '31': { window_title: 'Inbox' } })).toEqual([[31, { window_title: 'Inbox' }]]);
    expect(v.parse(schema, [])).toEqual([]);
    expect(v.safeParse(schema, [{ window_title: 'x' }]).success).toBe(false);
  });

  it('refuses keys that are not ids in collections keyed by id', () => {
    const schema = keyedById(v.object({ window_title: text }));
    for (const key of ['x31', '31x']) {
      const result = v.safeParse(schema, { [key]: { window_title: 'Inbox' } });
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.issues)).toContain('Expected an id');
    }
  });

  it("takes empty text and MySQL's zero date as absent", () => {
    expect(['', null, 'github_issue_octo/hello-world#12'].map((value) => v.parse(optionalText, value))).toEqual([null, null, 'github_issue_octo/hello-world#12']);
    expect(['', null, '0000-00-00 00:00:00', '0000-00-00', '2026-11-27 09:00:00'].map((value) => v.parse(optionalDateTime, value))).toEqual([
      null,
      null,
      null,
      null,
      '2026-11-27 09:00:00',
    ]);
  });
});
