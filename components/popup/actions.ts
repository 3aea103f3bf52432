import { t } from '@/components/i18n';

/** A failed message to the background as a sentence for the user (never a stack trace). */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return message.trim() ? message : t('popup_somethingWrong');
}
