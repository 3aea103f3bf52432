import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { say } from '@/lib/i18n';

const ROOT = join(import.meta.dirname, '..');
const catalogue = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the background's text", () => {
  afterEach(() => vi.restoreAllMocks());

  it('comes from the catalogue in the browser language', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key) => (key === 'bg_badgeTracking' ? 'Mierzysz czas: X.' : ''));
    expect(say('bg_badgeTracking', 'Tracking $1.', ['X'])).toBe('Mierzysz czas: X.');
  });

  it('falls back to the English in the code, with its substitutions', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(say('bg_idleTitle', 'You were away for $1 min', [25])).toBe('You were away for 25 min');
  });

  it('has every key the code uses in English and Polish, the English as in the code', () => {
    const en = catalogue('en');
    const pl = catalogue('pl');
    const used = sources(join(ROOT, 'lib')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/say\(\s*'(bg_\w+)',\s*(['"`])((?:(?!\2).)*)\2/gs)].map(([, key, , english]) => ({ key: key!, english: english! })),
    );
    expect(used.length).toBeGreaterThan(20);
    for (const { key, english } of used) {
      expect(en[key]?.message, key).toBe(english);
      expect(pl[key]?.message, key).toMatch(/\S/);
    }
  });
});
