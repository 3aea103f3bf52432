import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/storage/settings';
import type { RunningTimer } from '@/lib/storage/timer';

/** A storage item as the buttons need it. The `@wxt-dev/storage` items fit; so does a test's stand-in. */
export interface Stored<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * A `local:` item read straight from `storage.local` and its change events. Content scripts do
 * this instead of bundling the storage library, which alone would cost a quarter of a tracker
 * page's 12 KB budget; they only read. Tests keep these in agreement with the items.
 */
function stored<T>(key: string, fallback: T): Stored<T> {
  const valueOf = (value: unknown) => (value ?? fallback) as T;
  return {
    async getValue() {
      return valueOf((await browser.storage.local.get(key))[key]);
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) callback(valueOf(changes[key]?.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** `runningTimer` (`local:timer`, lib/storage/timer.ts). */
export const storedRunningTimer = stored<RunningTimer | null>('timer', null);

/** The part of `settings` (`local:settings`, lib/storage/settings.ts) the buttons obey; null until saved once. */
export const storedSettings = stored<Pick<Settings, 'disabledIntegrations'> | null>('settings', null);

/**
 * The background's cache of time tracked per issue (`local:issueTime`, lib/tasks/issue-time.ts):
 * buttons read an issue's total from it (checked, as it is only read), so a board of a thousand
 * cards costs no message per card.
 */
export const storedIssueTimes = stored<Record<string, { totalSeconds?: unknown }> | null>('issueTime', null);

/** `customIntegrations` (`local:customIntegrations`, lib/storage/domains.ts) as stored: checked before use. */
export const storedCustomIntegrations = stored<unknown>('customIntegrations', []);
