import { formatMoment } from '@/components/format/time';
import { t, tCount } from '@/lib/i18n';
import type { SyncProblem, SyncState } from '@/lib/storage/sync';
import type { IdlePeriod } from '@/lib/timer/idle';
import { sendMessage } from '@/lib/messaging/protocol';
import type { HeldAction } from './held-actions';
import { usePrefs } from './prefs';

const resolveIdle = (choice: 'discard' | 'discard-and-continue' | 'keep') => void sendMessage('resolveIdle', { choice }).catch(() => undefined);

const OFFLINE_KINDS = new Set(['network', 'timeout']);

interface Props {
  sync: SyncState | undefined;
  /** The account's changes still to be sent (held ones excluded: they wait for the user). */
  waiting: number;
  /** Changes that need attention: the list below the banners shows them and their reasons. */
  held: readonly HeldAction[];
  idle: IdlePeriod | null | undefined;
  /** The browser has no room left to save changes. */
  storageFull?: boolean;
  /** Shows the sign-in form again (the token stopped working). */
  onFixToken(): void;
}

/** How this browser stands with TimeCamp, when that is worth a line: offline, a refused token, a server error, time away. */
export function Banners({ sync, waiting, held, idle, storageFull, onFixToken }: Props) {
  const prefs = usePrefs();
  const problem = sync?.problem ?? null;
  const banners = [];

  if (storageFull) {
    banners.push(
      <div class="banner banner-error" role="alert" key="storage">
        <p>{t('popup_bannerStorageFull')}</p>
      </div>,
    );
  }

  if (sync?.authProblem) {
    banners.push(
      <div class="banner banner-error" role="alert" key="auth">
        <p>{waiting > 0 ? `${t('popup_bannerAuth')} ${tCount('popup_changesWaiting', waiting)}` : t('popup_bannerAuth')}</p>
        <button type="button" onClick={onFixToken}>
          {t('popup_bannerAuthFix')}
        </button>
      </div>,
    );
  } else if (problem && OFFLINE_KINDS.has(problem.kind)) {
    banners.push(
      <div class="banner banner-offline" role="status" key="offline">
        <p>
          <strong>{t('popup_bannerOffline')}</strong> {waiting > 0 ? tCount('popup_changesWaiting', waiting) : t('popup_bannerOfflineNothingWaiting')}
        </p>
      </div>,
    );
  } else if (problem && problem.kind !== 'auth' && !shownAsHeld(problem, held)) {
    banners.push(
      <div class="banner banner-error" role="alert" key="server">
        <p>
          <strong>{problem.kind === 'server' || problem.kind === 'malformed' || problem.kind === 'rate-limited' ? t('popup_bannerServer') : t('popup_bannerRefused')}</strong>{' '}
          {problem.during && `${problem.during}: `}
          {problem.message}
          {waiting > 0 && ` ${tCount('popup_changesWaiting', waiting)}`}
        </p>
      </div>,
    );
  }

  if (idle?.returnedAt) {
    // The user's own clock: they remember leaving the desk at their time, not the account's.
    const from = formatMoment(idle.since, -new Date(idle.since).getTimezoneOffset(), prefs.timeFormat);
    const to = formatMoment(idle.returnedAt, -new Date(idle.returnedAt).getTimezoneOffset(), prefs.timeFormat);
    banners.push(
      <div class="banner banner-info" role="status" key="idle">
        <p>{t('popup_bannerIdle', [from, to])}</p>
        <div class="banner-actions">
          <button type="button" onClick={() => resolveIdle('discard')}>
            {t('popup_idleDiscard')}
          </button>
          <button type="button" onClick={() => resolveIdle('discard-and-continue')}>
            {t('popup_idleDiscardContinue')}
          </button>
          <button type="button" class="secondary" onClick={() => resolveIdle('keep')}>
            {t('popup_idleKeep')}
          </button>
        </div>
      </div>,
    );
  }

  return banners.length ? <div class="banners">{banners}</div> : null;
}

/** The problem is why a change is held, which the needs-attention list already shows beside that change. */
function shownAsHeld(problem: SyncProblem, held: readonly HeldAction[]): boolean {
  return held.some(({ attention }) => attention.kind === problem.kind && attention.message === problem.message);
}
