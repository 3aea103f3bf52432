import { useState } from 'preact/hooks';
import { formatDuration } from '@/components/format/duration';
import { formatTimeOfDay, secondsOfApiTime, toApiTime } from '@/components/format/time';
import { t } from '@/lib/i18n';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import type { Entry } from '@/lib/api';
import { sendMessage, type NewEntryRequest } from '@/lib/messaging/protocol';
import { errorText } from './actions';
import { resolveTimes, type TimeField, type TypedTimes } from './entry-times';
import { OverlapWarning } from './OverlapWarning';
import { TimeInputs } from './TimeInputs';
import { usePrefs } from './prefs';

interface Props {
  entry: Entry;
  /** Set when the entry waits in the queue (the action that makes it): it is changed there, as a whole. */
  waitingId?: string;
  /** The day's other entries, to warn when the edited one would share time with them. */
  others: readonly Entry[];
  tasks: TaskSource | null;
  recentIds: readonly number[] | undefined;
  onDone(): void;
}

/**
 * One of today's entries, edited where it is listed: task, note, start, end
 * or duration. Invalid input is explained next to its field and nothing is
 * sent; only what changed goes to the background.
 */
export function EntryEditor({ entry, waitingId, others, tasks, recentIds, onDone }: Props) {
  const prefs = usePrefs();
  const startSeconds = secondsOfApiTime(entry.startTime);
  const endSeconds = secondsOfApiTime(entry.endTime);
  const [original] = useState<TypedTimes>(() => ({
    start: startSeconds === null ? '' : formatTimeOfDay(startSeconds, prefs.timeFormat),
    end: endSeconds === null ? '' : formatTimeOfDay(endSeconds, prefs.timeFormat),
    duration: formatDuration(entry.durationSeconds, prefs.durationFormat),
  }));
  const [times, setTimes] = useState<TypedTimes>(original);
  // The duration typed last moves the end; any other time typed makes start, end and duration one span.
  const [lastTyped, setLastTyped] = useState<TimeField | null>(null);
  const [taskId, setTaskId] = useState(entry.taskId);
  const [note, setNote] = useState(entry.note);
  const [errors, setErrors] = useState<Partial<Record<TimeField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idBase = `entry-${entry.id}`;

  async function save(event: Event) {
    event.preventDefault();
    const resolved = resolveTimes(times, original);
    if (!resolved.ok) {
      setErrors(resolved.errors);
      return;
    }
    setErrors({});
    const changes: Partial<NewEntryRequest> = {};
    if (note.trim() !== entry.note) changes.note = note.trim();
    if (taskId !== null && taskId !== entry.taskId) changes.taskId = taskId;
    const durationOnly = lastTyped === 'duration' && times.start.trim() === original.start.trim();
    if (resolved.changed === 'span' && resolved.start !== null && resolved.end !== null && !durationOnly) {
      changes.startTime = toApiTime(resolved.start);
      changes.endTime = toApiTime(resolved.end);
      changes.durationSeconds = resolved.duration;
    } else if (resolved.changed !== null) {
      changes.durationSeconds = resolved.duration;
      if (resolved.end !== null) changes.endTime = toApiTime(resolved.end);
    }
    if (Object.keys(changes).length === 0) return onDone();
    setBusy(true);
    setFailure(null);
    try {
      if (waitingId !== undefined) await sendMessage('editWaitingEntry', { actionId: waitingId, entry: wholeEntry(entry, changes) });
      else await sendMessage('editEntry', { entryId: entry.id, changes });
      onDone();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="entry-editor"
      aria-label={t('popup_editEntry')}
      noValidate
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <TaskCombobox
        id={`${idBase}-task`}
        label={t('popup_task')}
        tasks={tasks}
        recentIds={recentIds}
        value={taskId}
        valueText={entry.taskName}
        onChange={(node) => setTaskId(node.taskId)}
      />
      <div class="field">
        <label for={`${idBase}-note`}>{t('popup_note')}</label>
        <input id={`${idBase}-note`} type="text" autocomplete="off" maxLength={2000} value={note} autoFocus onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      <TimeInputs
        idBase={idBase}
        times={times}
        errors={errors}
        onChange={(next, typed) => {
          setTimes(next);
          setLastTyped(typed);
        }}
      />
      <OverlapWarning times={times} entries={others} />
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onDone}>
          {t('popup_cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {t('popup_save')}
        </button>
      </div>
    </form>
  );
}

/**
 * A waiting entry with the changes made: the queue holds it whole (times of
 * day, as the add form sends them), so it is replaced whole.
 */
function wholeEntry(entry: Entry, changes: Partial<NewEntryRequest>): NewEntryRequest & { startTime: string; endTime: string } {
  const start = changes.startTime ?? toApiTime(secondsOfApiTime(entry.startTime) ?? 0);
  const duration = changes.durationSeconds ?? entry.durationSeconds;
  const end = changes.endTime ?? (changes.durationSeconds !== undefined ? toApiTime((secondsOfApiTime(start) ?? 0) + duration) : toApiTime(secondsOfApiTime(entry.endTime) ?? 0));
  const taskId = changes.taskId ?? entry.taskId ?? undefined;
  const note = changes.note ?? entry.note;
  return {
    date: entry.date,
    startTime: start,
    endTime: end,
    durationSeconds: duration,
    ...(taskId !== undefined && { taskId }),
    ...(note && { note }),
    ...(entry.billable && { billable: true }),
  };
}
