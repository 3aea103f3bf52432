import { useState } from 'preact/hooks';
import { formatElapsed } from '@/components/format/duration';
import { formatMoment } from '@/components/format/time';
import { t } from '@/components/i18n';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import { sendMessage } from '@/lib/messaging/protocol';
import { isHttpUrl } from '@/lib/messaging/timer-schemas';
import type { RunningTimer } from '@/lib/storage/timer';
import { errorText } from './actions';
import { NoteField } from './NoteField';
import type { ShortStop } from './ShortStopNotice';
import { StartTimeEditor } from './StartTimeEditor';
import type { Entry } from '@/lib/api';
import { usePrefs } from './prefs';
import { useNow } from './use-now';

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

/** The running timer: its task, note, elapsed time, and the way to stop it or switch task. */
export function RunningTimerCard({ timer, tasks, recentIds, startedElsewhere, dayEntries = [], onStopped }: Props) {
  const prefs = usePrefs();
  const now = useNow(1000, true, timer.startedAt);
  const [switching, setSwitching] = useState(false);
  const [movingStart, setMovingStart] = useState(false);
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

      {switching ? (
        <TaskCombobox
          id="switch-task"
          label={t('popup_task')}
          tasks={tasks}
          recentIds={recentIds}
          value={timer.taskId}
          valueText={timer.taskName}
          autoFocus
          onChange={(picked) => {
            setSwitching(false);
            if (picked.taskId !== timer.taskId) void run(() => sendMessage('updateTimer', { taskId: picked.taskId }));
          }}
        />
      ) : null}

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
        <button type="button" class="secondary" aria-expanded={switching} onClick={() => setSwitching(!switching)}>
          {switching ? t('popup_keepTask') : t('popup_switchTask')}
        </button>
        <button type="button" class="stop" disabled={busy} onClick={() => void stop()}>
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
