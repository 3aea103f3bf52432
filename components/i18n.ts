import { browser } from 'wxt/browser';

type GetMessage = (name: string, substitutions?: string | string[]) => string;

/**
 * The UI text for `key` in the browser's language (from `public/_locales`),
 * `$1`… filled from `substitutions`. Falls back to the key itself, so a
 * missing translation shows up as a readable name instead of a blank.
 */
export function t(key: string, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : Array.isArray(substitutions) ? substitutions.map(String) : String(substitutions);
  try {
    const message = (browser.i18n.getMessage as GetMessage)(key, subs);
    if (message) return message;
  } catch {
    // Outside an extension page (or in a test without messages) there is no catalogue.
  }
  return key;
}

/** The browser's UI language, e.g. `pl` or `en-US`; `en` when unknown. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

let plurals: Intl.PluralRules | null = null;

/**
 * A counted message: `key_one`, `key_few`, `key_many` or `key_other` by the
 * language's plural rules (Polish has three forms), `$1` being the count.
 */
export function tCount(key: string, count: number): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  const shown = count.toLocaleString(uiLanguage());
  const exact = t(`${key}_${plurals.select(count)}`, shown);
  return exact.startsWith(key) ? t(`${key}_other`, shown) : exact;
}
