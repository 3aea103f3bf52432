import { useState } from 'preact/hooks';
import { formatMoment, parseTimeOfDay } from '@/components/format/time';
import { t } from '@/lib/i18n';
import { formatApiDate, type Entry } from '@/lib/api';
import { sendMessage } from '@/lib/messaging/protocol';
import type { RunningTimer } from '@/lib/storage/timer';
import { errorText } from './actions';
import { ClashNotice } from './OverlapWarning';
import { overlapping } from './overlaps';
import { usePrefs } from './prefs';

interface Props {
  timer: RunningTimer;
  /** The account's offset from UTC in minutes: the time typed is of its day. */
  offsetMinutes: number;
  /** The day's entries, to warn when the new start runs into one of them. */
  dayEntries: readonly Entry[];
  onDone(): void;
}

/** The moment (epoch ms) of a time of day today, in a zone `offsetMinutes` east of UTC. */
function momentToday(seconds: number, offsetMinutes: number, now: number): number {
  const midnight = Date.parse(`${formatApiDate(now, offsetMinutes)}T00:00:00Z`) - offsetMinutes * 60_000;
  return midnight + seconds * 1000;
}

/**
 * "I started 20 minutes ago": the running timer's start, typed as a time of
 * today. Not in the future; a start inside an earlier entry is allowed, with
 * a warning that names it.
 */
export function StartTimeEditor({ timer, offsetMinutes, dayEntries, onDone }: Props) {
  const prefs = usePrefs();
  const [value, setValue] = useState(() => formatMoment(timer.startedAt, offsetMinutes, prefs.timeFormat));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const seconds = parseTimeOfDay(value);
  const now = Date.now();
  const nowSeconds = Math.floor((now - momentToday(0, offsetMinutes, now)) / 1000);
  const others = dayEntries.filter((entry) => entry.id !== timer.entryId);
  const clashes = seconds !== null && seconds < nowSeconds ? overlapping(seconds, nowSeconds, others) : [];

  async function save(event: Event) {
    event.preventDefault();
    if (seconds === null) return setError(t('popup_invalidTime'));
    const moment = momentToday(seconds, offsetMinutes, Date.now());
    if (moment > Date.now()) return setError(t('popup_startInFuture'));
    setError(null);
    setBusy(true);
    try {
      await sendMessage('moveTimerStart', { startedAt: moment });
      onDone();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="start-time-editor" aria-label={t('popup_changeStartHeading')} noValidate onSubmit={(event) => void save(event)}>
      <div class="field">
        <label for="running-start">{t('popup_startedAt')}</label>
        <input
          id="running-start"
          type="text"
          autocomplete="off"
          value={value}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'running-start-error' : undefined}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        {error && (
          <p id="running-start-error" class="field-error small" role="alert">
            {error}
          </p>
        )}
      </div>
      <ClashNotice clashes={clashes} message="popup_startOverlaps" />
      <div class="actions">
        <button type="button" class="secondary" onClick={onDone}>
          {t('popup_cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {t('popup_saveStart')}
        </button>
      </div>
    </form>
  );
}
