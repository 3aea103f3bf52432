import { browser } from 'wxt/browser';

// The extension's one translation helper, for the views, the in-page button and the background
// alike: text in the browser's language from `public/_locales`, `$1`, `$2`… filled from the
// substitutions.

type GetMessage = (name: string, substitutions?: string | string[]) => string;

/** The catalogue's text for `key`; '' when there is none (no such key, or no catalogue here: a test, a page outside the extension). */
function lookup(key: string, substitutions?: string | string[]): string {
  try {
    return (browser.i18n.getMessage as GetMessage)(key, substitutions) || '';
  } catch {
    return '';
  }
}

/**
 * The UI text for `key`. Falls back to the key itself, so a missing translation shows up as a
 * readable name instead of a blank.
 */
export function t(key: string, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : Array.isArray(substitutions) ? substitutions.map(String) : String(substitutions);
  return lookup(key, subs) || key;
}

/**
 * Text the background shows (badge tooltips, notifications, messages the views display). The
 * English is written where it is used, so the code reads plainly and a missing catalogue (tests,
 * an older build) still says something true.
 */
export function say(key: string, english: string, substitutions: Array<string | number> = []): string {
  const subs = substitutions.map(String);
  return lookup(key, subs) || english.replace(/\$(\d)/g, (whole, n: string) => subs[Number(n) - 1] ?? whole);
}

/** The browser's UI language, e.g. `pl` or `en-US`; `en` when unknown. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

// Made once: a count is formatted on every keystroke of a search, and building these is not cheap.
let plurals: Intl.PluralRules | null = null;
let numbers: Intl.NumberFormat | null = null;

/**
 * A counted message: `key_one`, `key_few`, `key_many` or `key_other` by the
 * language's plural rules (Polish has three forms), `$1` being the count.
 */
export function tCount(key: string, count: number): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  numbers ??= new Intl.NumberFormat(uiLanguage());
  const shown = numbers.format(count);
  const exact = t(`${key}_${plurals.select(count)}`, shown);
  return exact.startsWith(key) ? t(`${key}_other`, shown) : exact;
}
