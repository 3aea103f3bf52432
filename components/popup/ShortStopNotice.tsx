import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import { errorText } from './actions';

/** A timer the user stopped within `ACCIDENTAL_SECONDS` of its start: most likely started by mistake. */
export interface ShortStop {
  seconds: number;
  /** Its entry in TimeCamp, when TimeCamp had confirmed the start. */
  entryId: number | null;
  /** Its start action, when TimeCamp had not: the entry then waits in the queue. */
  startId: string | null;
}

/** Under this many seconds, a stopped timer offers to be discarded. */
export const ACCIDENTAL_SECONDS = 10;

interface Props {
  stop: ShortStop;
  onClose(): void;
}

/**
 * After Stop on a timer that ran a few seconds: says so and offers to
 * discard the entry it left (a 0:00 entry is clutter to delete later). Stop
 * itself never asks: keeping is the default, discarding one click away.
 */
export function ShortStopNotice({ stop, onClose }: Props) {
  const [discarded, setDiscarded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function discard() {
    setError(null);
    try {
      if (stop.entryId !== null) await sendMessage('deleteEntry', { entryId: stop.entryId });
      else if (stop.startId !== null) await sendMessage('deleteWaitingEntry', { actionId: stop.startId });
      setDiscarded(true);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div class="toast short-stop" role="status">
      <span>{discarded ? t('popup_shortStopDiscarded') : t('popup_shortStop', stop.seconds)}</span>
      {!discarded && (stop.entryId !== null || stop.startId !== null) && (
        <button type="button" class="link-button" onClick={() => void discard()}>
          {t('popup_discardShortStop')}
        </button>
      )}
      <button type="button" class="link-button" onClick={onClose}>
        {discarded ? t('popup_closeShortStop') : t('popup_keepShortStop')}
      </button>
      {error && (
        <p class="field-error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
