import { t } from '@/lib/i18n';

/**
 * A duration as it is read out: `1 h 30 min`, `45 min`, `2 h` (`1 godz. 30 min` in Polish).
 * To the minute, rounded down, as the popup's `1:30`; under a minute reads `0 min`.
 */
export function formatDurationWords(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('day_minutes', rest);
  return rest === 0 ? t('day_hours', hours) : t('day_hoursMinutes', [hours, rest]);
}
