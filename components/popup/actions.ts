import { t } from '@/lib/i18n';

/**
 * A failed message to the background as a sentence for the user (never a
 * stack trace). The messenger rebuilds an `Error` only from a complete wire
 * error (name, message and stack); anything else arrives as a plain object,
 * whose `message` is still the background's own words.
 */
export function errorText(error: unknown): string {
  const message = typeof error === 'string' ? error : typeof error === 'object' && error !== null && 'message' in error ? error.message : '';
  return typeof message === 'string' && message.trim() ? message : t('popup_somethingWrong');
}
