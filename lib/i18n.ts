import { browser } from 'wxt/browser';

/**
 * Text the background shows (badge tooltips, notifications, messages the
 * views display) in the browser's language from `public/_locales`. The
 * English is written where it is used, so the code reads plainly and a
 * missing catalogue (tests, an older build) still says something true.
 * `$1`, `$2`… are the substitutions.
 */
type GetMessage = (name: string, substitutions?: string[]) => string;

export function say(key: string, english: string, substitutions: Array<string | number> = []): string {
  const subs = substitutions.map(String);
  try {
    const translated = (browser.i18n.getMessage as GetMessage)(key, subs);
    if (translated) return translated;
  } catch {
    // No catalogue here: English it is.
  }
  return english.replace(/\$(\d)/g, (whole, n: string) => subs[Number(n) - 1] ?? whole);
}
