import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { requestServerPermission } from '@/lib/account/server-permission';
import type { SignInResult } from '@/lib/account/sign-in';
import { DEFAULT_BASE_URL } from '@/lib/api/transport';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { account, lastServerUrl } from '@/lib/storage/account';
import { useStored } from './use-stored';

type Failure = Extract<SignInResult, { ok: false }>;

export interface AccountFormProps {
  submitLabel: string;
  /** Put `Server URL` under an "Advanced" disclosure (the popup: most people never need it). */
  advancedLabel?: string;
  /** Shown under the token field, e.g. where to find the token. */
  tokenHint?: ComponentChildren;
}

/** API token and server URL, checked with TimeCamp before they are saved. */
export function AccountForm({ submitLabel, advancedLabel, tokenHint }: AccountFormProps) {
  const current = useStored(account);
  const lastServer = useStored(lastServerUrl);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [token, setToken] = useState('');
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Signed out, the server last signed in to: a self-hosted user signs in there again.
  const shownUrl = serverUrl ?? current?.baseUrl ?? lastServer ?? DEFAULT_BASE_URL;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      // First, while the click still counts as a user gesture.
      if (!(await requestServerPermission(shownUrl))) {
        setFailure({ ok: false, field: 'serverUrl', message: t('account_needsPermission') });
        return;
      }
      // Signed in, an empty token field keeps the saved token: only the server URL changes.
      const result = await sendMessage('signIn', { token, serverUrl: shownUrl, ...(current && !token.trim() && { useSavedToken: true }) });
      if (result.ok) setToken('');
      else setFailure(result);
    } catch (error) {
      setFailure({ ok: false, field: null, message: t('account_couldNotSave', (error as Error).message) });
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: Failure['field']) =>
    failure?.field === field ? (
      <p id={`${field}-error`} class="field-error" role="alert">
        {failure.message}
      </p>
    ) : null;

  const serverUrlField = (
    <>
      <label for="server-url">{t('account_serverUrl')}</label>
      <input
        id="server-url"
        type="url"
        value={shownUrl}
        aria-invalid={failure?.field === 'serverUrl'}
        aria-describedby={failure?.field === 'serverUrl' ? 'serverUrl-error' : undefined}
        onInput={(event) => setServerUrl(event.currentTarget.value)}
      />
      {errorFor('serverUrl')}
    </>
  );

  return (
    <form onSubmit={submit} aria-busy={busy}>
      {current && (
        <p class="signed-in" role="status">
          {t('account_signedInAs')} <strong>{current.user.displayName}</strong> ({current.user.email})
        </p>
      )}
      <label for="api-token">{t('account_apiToken')}</label>
      <input
        id="api-token"
        type="password"
        autocomplete="off"
        value={token}
        placeholder={current ? t('account_tokenSaved') : ''}
        aria-invalid={failure?.field === 'token'}
        aria-describedby={failure?.field === 'token' ? 'token-error' : undefined}
        onInput={(event) => setToken(event.currentTarget.value)}
      />
      {errorFor('token')}
      {tokenHint}
      {advancedLabel === undefined ? (
        serverUrlField
      ) : (
        // A problem with the URL opens the disclosure, so its message is never hidden.
        <details open={advancedOpen || failure?.field === 'serverUrl'} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
          <summary>{advancedLabel}</summary>
          <div class="advanced-fields">{serverUrlField}</div>
        </details>
      )}
      {errorFor(null)}
      <button type="submit" disabled={busy}>
        {busy ? t('account_checking') : submitLabel}
      </button>
    </form>
  );
}
