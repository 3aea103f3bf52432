import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { Account } from '@/lib/storage/account';

/** The popup's title, who is signed in, and the way to the settings. */
export function Header({ account }: { account: Account | null | undefined }) {
  return (
    <header class="popup-header">
      <h1>TimeCamp</h1>
      {account && (
        <span class="popup-account" title={account.user.email}>
          {account.user.displayName || account.user.email}
        </span>
      )}
      <button type="button" class="icon-button" aria-label={t('popup_openSettings')} title={t('popup_openSettings')} onClick={() => void browser.runtime.openOptionsPage()}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M11.1 1.5l.4 2.2c.5.2 1 .5 1.5.8l2.1-.8 1.6 2.7-1.7 1.4a6 6 0 010 1.7l1.7 1.4-1.6 2.7-2.1-.8c-.5.3-1 .6-1.5.8l-.4 2.2H8l-.4-2.2c-.5-.2-1-.5-1.5-.8l-2.1.8-1.6-2.7 1.7-1.4a6 6 0 010-1.7L2.4 6.4 4 3.7l2.1.8c.5-.3 1-.6 1.5-.8L8 1.5h3.1zM9.6 7a3 3 0 100 6 3 3 0 000-6z"
          />
        </svg>
      </button>
    </header>
  );
}
