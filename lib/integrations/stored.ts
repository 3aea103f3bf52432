import { browser } from 'wxt/browser';
import { PAGE_STATE_KEY, type PageState, type PageTimer } from '@/lib/storage/page-state';

/** A storage item as the buttons need it. The `@wxt-dev/storage` items fit; so does a test's stand-in. */
export interface Stored<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * One part of a `storage.local` key, read straight from `storage.local` and its change events.
 * Content scripts do this instead of bundling the storage library, which alone would cost a
 * quarter of a tracker page's 12 KB budget; they only read. Tests keep these in agreement with
 * the items.
 */
function stored<S, T>(key: string, pick: (value: S | undefined) => T): Stored<T> {
  return {
    async getValue() {
      return pick((await browser.storage.local.get(key))[key] as S | undefined);
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) callback(pick(changes[key]?.newValue as S | undefined));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

// What a tracker page may know is the background's projection (lib/storage/page-state.ts), and
// nothing else: the token, the account, the queue and the task tree are out of its reach.
const page = <T>(pick: (state: PageState) => T, fallback: T) => stored<PageState, T>(PAGE_STATE_KEY, (state) => (state ? pick(state) : fallback));

/** The running timer, as far as a button needs it. */
export const storedPageTimer: Stored<PageTimer | null> = page((state) => state.timer, null);

/** Which integrations the user switched off; null until the background published them. */
export const storedSettings: Stored<{ disabledIntegrations: string[] } | null> = page((state) => ({ disabledIntegrations: state.disabledIntegrations }), null);

/**
 * Time tracked per issue: buttons read an issue's total from it (checked, as it is only read), so
 * a board of a thousand cards costs no message per card.
 */
export const storedIssueTimes: Stored<Record<string, { totalSeconds?: unknown }> | null> = page((state) => state.issueTimes, null);

/** `customIntegrations` (`local:customIntegrations`, lib/storage/domains.ts) as stored: checked before use. */
export const storedCustomIntegrations = stored<unknown, unknown>('customIntegrations', (value) => value ?? []);
