import { AccountForm } from '@/components/AccountForm';
import { t } from '@/lib/i18n';

/** Where TimeCamp shows a user their API token. */
export const TOKEN_PAGE_URL = 'https://app.timecamp.com/app#/settings/users/me';

/**
 * The popup's sign-in: what the extension needs and where to find it. The
 * form itself is the options page's (the token is checked with TimeCamp
 * before it is kept, and each kind of failure gets its own sentence).
 */
export function SignIn({ reason }: { reason: 'signed-out' | 'token-refused' }) {
  return (
    <section class="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{reason === 'signed-out' ? t('popup_signInHeading') : t('popup_signInAgainHeading')}</h2>
      <p class="muted">{reason === 'signed-out' ? t('popup_signInIntro') : t('popup_signInAgainIntro')}</p>
      <AccountForm
        submitLabel={t('popup_connect')}
        advancedLabel={t('popup_advanced')}
        tokenHint={
          <p class="field-hint">
            <a href={TOKEN_PAGE_URL} target="_blank" rel="noreferrer">
              {t('popup_whereIsToken')}
            </a>
          </p>
        }
      />
    </section>
  );
}
