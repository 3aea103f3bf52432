import { useEffect, useRef, useState } from 'preact/hooks';
import { formatElapsed } from '@/components/format/duration';
import { formatMoment } from '@/components/format/time';
import { t } from '@/lib/i18n';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import { sendMessage } from '@/lib/messaging/protocol';
import { isHttpUrl } from '@/lib/messaging/timer-schemas';
import type { RunningTimer } from '@/lib/storage/timer';
import { errorText } from './actions';
import { NoteField } from './NoteField';
import type { ShortStop } from './ShortStopNotice';
import { StartTimeEditor } from './editors';
import type { Entry } from '@/lib/api';
import { usePrefs } from './prefs';
import { useNow } from './use-now';
import { startedHereJustNow } from './use-popup-state';

interface Props {
  timer: RunningTimer;
  tasks: TaskSource | null;
  recentIds: readonly number[] | undefined;
  /** The timer appeared while the popup was open, started in TimeCamp or another browser. */
  startedElsewhere: boolean;
  /** The day's entries, to warn when a moved start runs into one of them. */
  dayEntries?: readonly Entry[];
  /** Stop was pressed and the background took it: how long it ran, and how to find its entry. */
  onStopped?(stopped: ShortStop): void;
}

/**
 * How a picked task applies: from now on (this entry stops, a new one starts on it), or to the
 * whole running entry from its start. People expect the first; TimeCamp's own switch is the second.
 */
type Switching = 'from-now' | 'this-entry';

/** The running timer: its task, note, elapsed time, and the way to stop it or switch task. */
export function RunningTimerCard({ timer, tasks, recentIds, startedElsewhere, dayEntries = [], onStopped }: Props) {
  const prefs = usePrefs();
  const now = useNow(1000, true, timer.startedAt);
  const [switching, setSwitching] = useState<Switching | null>(null);
  const [movingStart, setMovingStart] = useState(false);
  const stopButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const node = tasks?.byId(timer.taskId);
  const name = node?.name ?? timer.taskName ?? t('popup_noTask');
  const path = node ? node.path.slice(0, -1).join(' › ') : parentOf(timer.taskPath, name);
  const offset = prefs.offsetMinutes ?? -new Date(timer.startedAt).getTimezoneOffset();

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  useEffect(() => {
    // Started from this popup: the form the focus was in is gone. Stop is what comes next.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && startedHereJustNow()) stopButton.current?.focus();
  }, []);

  function switchTo(taskId: number, how: Switching) {
    setSwitching(null);
    if (taskId === timer.taskId) return;
    if (how === 'from-now') void run(() => sendMessage('startTimer', { taskId, note: '' }));
    else void run(() => sendMessage('updateTimer', { taskId }));
  }

  async function stop() {
    const stopped: ShortStop = { seconds: Math.max(0, Math.floor((Date.now() - timer.startedAt) / 1000)), entryId: timer.entryId, startId: timer.startId };
    setBusy(true);
    await run(async () => {
      await sendMessage('stopTimer', {});
      onStopped?.(stopped);
    });
    setBusy(false);
  }

  return (
    <section class="running" aria-labelledby="running-heading" style={{ '--task-color': node?.color ?? 'var(--accent)' }}>
      <h2 id="running-heading" class="visually-hidden">
        {t('popup_runningHeading')}
      </h2>
      <div class="running-top">
        <div class="running-task">
          <span class="running-name">{name || t('popup_noTask')}</span>
          {path && <span class="running-path">{path}</span>}
        </div>
        <div class="running-clock">
          <span role="timer" class="elapsed" aria-live="off">
            {formatElapsed((now - timer.startedAt) / 1000)}
          </span>
          <span class="muted small">{t('popup_since', formatMoment(timer.startedAt, offset, prefs.timeFormat))}</span>
          {timer.taskId !== null && (
            <button type="button" class="link-button small" aria-expanded={movingStart} onClick={() => setMovingStart(!movingStart)}>
              {t('popup_changeStart')}
            </button>
          )}
        </div>
      </div>

      {movingStart && <StartTimeEditor timer={timer} offsetMinutes={offset} dayEntries={dayEntries} onDone={() => setMovingStart(false)} />}

      {startedElsewhere && <p class="running-origin small">{t('popup_startedElsewhere')}</p>}
      {/* The background refuses other links already; whatever storage holds, only http(s) becomes a link. */}
      {timer.source && isHttpUrl(timer.source.url) && (
        <p class="running-source small">
          <a href={timer.source.url} target="_blank" rel="noreferrer">
            {t('popup_openIssue', `${timer.source.key} ${timer.source.title}`.trim())}
          </a>
        </p>
      )}

      <div class="field">
        <NoteField id="running-note" label={t('popup_note')} value={timer.note} placeholder={t('popup_notePlaceholder')} onCommit={(note) => void run(() => sendMessage('updateTimer', { note }))} />
      </div>

      {switching && (
        <div class="field">
          <p class="muted small">{t(switching === 'from-now' ? 'popup_switchFromNowHint' : 'popup_changeEntryTaskHint')}</p>
          <TaskCombobox
            id="switch-task"
            label={t('popup_task')}
            tasks={tasks}
            recentIds={recentIds}
            value={switching === 'this-entry' ? timer.taskId : null}
            valueText={switching === 'this-entry' ? timer.taskName : undefined}
            autoFocus
            onChange={(picked) => switchTo(picked.taskId, switching)}
          />
        </div>
      )}

      {tasks?.anyBillable && (
        <label class="check">
          <input type="checkbox" checked={timer.billable} onChange={(event) => void run(() => sendMessage('updateTimer', { billable: event.currentTarget.checked }))} />
          {t('popup_billable')}
        </label>
      )}

      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}

      <div class="actions">
        {switching ? (
          <button type="button" class="secondary" onClick={() => setSwitching(null)}>
            {t('popup_keepTask')}
          </button>
        ) : (
          <>
            <button type="button" class="secondary" onClick={() => setSwitching('from-now')}>
              {t('popup_switchFromNow')}
            </button>
            <button type="button" class="secondary" onClick={() => setSwitching('this-entry')}>
              {t('popup_changeEntryTask')}
            </button>
          </>
        )}
        <button ref={stopButton} type="button" class="stop" disabled={busy} onClick={() => void stop()}>
          {t('popup_stopTimer')}
        </button>
      </div>
    </section>
  );
}

/** `Client › Project` from `Client › Project › Task`, when the stored path has more than the name. */
function parentOf(path: string, name: string): string {
  const parts = path.split(' › ');
  return parts.length > 1 && parts[parts.length - 1] === name ? parts.slice(0, -1).join(' › ') : '';
}
