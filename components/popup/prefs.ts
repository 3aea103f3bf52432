import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DurationFormat } from '@/components/format/duration';
import type { TimeFormat } from '@/components/format/time';

/** How the popup shows times and durations. */
export interface DisplayPrefs {
  timeFormat: TimeFormat;
  durationFormat: DurationFormat;
  /** The TimeCamp account's offset from UTC in minutes: entries' times and "today" are in its zone. */
  offsetMinutes: number | null;
}

export const DEFAULT_PREFS: DisplayPrefs = { timeFormat: '24h', durationFormat: 'hh:mm', offsetMinutes: null };

/**
 * The display preferences from the settings item. `timeFormat` (`'24h' | '12h'`)
 * and `durationFormat` (`'hh:mm' | 'decimal'`) are read when the options page
 * has stored them; until then (and for unknown values) 24h and h:mm.
 */
export function displayPrefs(settings: unknown, offsetMinutes: number | null = null): DisplayPrefs {
  const stored = (settings ?? {}) as { timeFormat?: unknown; durationFormat?: unknown };
  return {
    timeFormat: stored.timeFormat === '12h' ? '12h' : '24h',
    durationFormat: stored.durationFormat === 'decimal' ? 'decimal' : 'hh:mm',
    offsetMinutes,
  };
}

export const PrefsContext = createContext<DisplayPrefs>(DEFAULT_PREFS);
export const usePrefs = () => useContext(PrefsContext);
