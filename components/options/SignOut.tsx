import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tCount } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/protocol';

/**
 * Signs out through the background, which first sends what is queued. When
 * some changes still cannot be sent, the user decides whether to drop them:
 * nothing is lost without being asked.
 */
export function SignOut({ onSignedOut }: { onSignedOut(): void }) {
  const [pending, setPending] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  // The question replaces the button that was pressed: focus moves to the safe answer.
  useEffect(() => {
    if (pending !== null) keepRef.current?.focus();
  }, [pending]);

  async function signOut(dropQueue: boolean) {
    setBusy(true);
    setFailure(null);
    try {
      const result = await sendMessage('signOut', dropQueue ? { dropQueue: true } : {});
      if (result.signedOut) {
        setPending(null);
        onSignedOut();
      } else setPending(result.pending);
    } catch (error) {
      setFailure(t('options_signOutFailed', (error as Error).message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="sign-out">
      {pending === null ? (
        <button type="button" class="secondary" disabled={busy} onClick={() => void signOut(false)}>
          {t('options_signOut')}
        </button>
      ) : (
        <div class="confirm" role="alertdialog" aria-labelledby="sign-out-question" aria-describedby="sign-out-detail">
          <p id="sign-out-question">
            <strong>{tCount('options_pendingChanges', pending)}</strong>
          </p>
          <p id="sign-out-detail">{t('options_signOutDropExplained')}</p>
          <div class="button-row">
            <button type="button" ref={keepRef} class="secondary" disabled={busy} onClick={() => setPending(null)}>
              {t('options_keepSignedIn')}
            </button>
            <button type="button" class="danger" disabled={busy} onClick={() => void signOut(true)}>
              {t('options_signOutAndDrop')}
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
