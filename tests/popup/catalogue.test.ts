import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const POPUP = join(ROOT, 'components/popup');

type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const catalogue = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Catalogue;

/** The plural forms `tCount` picks from, by the language's rules. */
const PLURAL_FORMS = { en: ['one', 'other'], pl: ['one', 'few', 'many', 'other'] };

const source = readdirSync(POPUP)
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => readFileSync(join(POPUP, name), 'utf8'))
  .join('\n');
/** Keys the popup's views pass to `t()` as literals. */
const plainKeys = [...new Set([...source.matchAll(/\bt\(\s*'(popup_\w+)'/g)].map(([, key]) => key!))];
/** Keys the popup's views count with `tCount()`. */
const countedKeys = [...new Set([...source.matchAll(/\btCount\(\s*'(popup_\w+)'/g)].map(([, key]) => key!))];

describe("the popup's text", () => {
  it.each(['en', 'pl'] as const)('is all in the %s catalogue, each counted text in every plural form', (lang) => {
    const messages = catalogue(lang);
    expect(plainKeys).toContain('popup_needsAttention');
    expect(countedKeys).toContain('popup_needsAttentionIntro');

    for (const key of plainKeys) expect(messages[key]?.message, key).toMatch(/\S/);
    for (const key of countedKeys) for (const form of PLURAL_FORMS[lang]) expect(messages[`${key}_${form}`]?.message, `${key}_${form}`).toMatch(/\S/);
  });

  it('has the same placeholders in Polish as in English', () => {
    const en = catalogue('en');
    const pl = catalogue('pl');
    for (const key of plainKeys) expect(Object.keys(pl[key]?.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
  });
});
