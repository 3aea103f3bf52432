import { useState } from 'preact/hooks';
import { t, tCount } from '@/lib/i18n';
import type { TaskSource } from '@/components/task-picker/task-source';
import { sendMessage } from '@/lib/messaging/protocol';
import { accountDate } from '@/lib/timer/account-time';
import { errorText } from './actions';
import { actedAt, describeHeld, type HeldAction } from './held-actions';
import { usePrefs } from './prefs';

interface Props {
  held: readonly HeldAction[];
  tasks: TaskSource | null;
}

/**
 * Changes TimeCamp refused, or that failed too often to go on trying alone:
 * each says what it was, when, and TimeCamp's reason, and waits for Retry or
 * Discard. Nothing shows while none is held.
 */
export function NeedsAttention({ held, tasks }: Props) {
  const prefs = usePrefs();
  if (held.length === 0) return null;
  const now = Date.now();
  const context = { tasks, timeFormat: prefs.timeFormat, today: accountDate({ accountOffsetMinutes: prefs.offsetMinutes }, now) };

  return (
    <section class="attention">
      <h2 id="attention-heading">{t('popup_needsAttention')}</h2>
      <p class="muted small">{tCount('popup_needsAttentionIntro', held.length)}</p>
      <ul class="held-list" aria-labelledby="attention-heading">
        {held.map((action) => (
          // With several items, each button's name says which change it acts on; the visible text stays short.
          <HeldItem key={action.id} action={action} what={describeHeld(action, context)} when={actedAt(action.at, now, prefs.timeFormat)} named={held.length > 1} />
        ))}
      </ul>
    </section>
  );
}

interface ItemProps {
  action: HeldAction;
  what: string;
  when: string;
  named: boolean;
}

function HeldItem({ action, what, when, named }: ItemProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // The background removes or re-sends the action; the list follows the queue in storage.
  async function send(type: 'retryAction' | 'discardAction') {
    setBusy(true);
    setFailure(null);
    try {
      await sendMessage(type, { id: action.id });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="held">
      <div class="held-head">
        <span class="held-what">{what}</span>
        <time class="held-when" dateTime={new Date(action.at).toISOString()}>
          {when}
        </time>
      </div>
      <p class="held-why">{action.attention.message}</p>
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      <div class="held-actions">
        <button type="button" class="secondary small-button" disabled={busy} aria-label={named ? t('popup_heldDiscardNamed', what) : undefined} onClick={() => void send('discardAction')}>
          {t('popup_heldDiscard')}
        </button>
        <button type="button" class="small-button" disabled={busy} aria-label={named ? t('popup_heldRetryNamed', what) : undefined} onClick={() => void send('retryAction')}>
          {t('popup_heldRetry')}
        </button>
      </div>
    </li>
  );
}
