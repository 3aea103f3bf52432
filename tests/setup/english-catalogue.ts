import { fakeBrowser } from 'wxt/testing/fake-browser';
import englishMessages from '../../public/_locales/en/messages.json';

// Every view, the in-page button included, takes its text from `browser.i18n`. WXT's fake browser
// has no catalogue: the unit tests read the English one, as Chrome does for an English browser.

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const english: Catalogue = englishMessages;

/** `browser.i18n.getMessage` as Chrome answers it from the English catalogue ($NAME$ placeholders, then $1…). */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = english[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const withPlaceholders = entry.message.replace(/\$(\w+)\$/g, (_, placeholder: string) => entry.placeholders?.[placeholder.toLowerCase()]?.content ?? '');
  return withPlaceholders.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
