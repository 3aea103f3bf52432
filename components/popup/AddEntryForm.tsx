import { useState } from 'preact/hooks';
import { toApiTime } from '@/components/format/time';
import { t } from '@/components/i18n';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import { sendMessage } from '@/lib/messaging/protocol';
import { errorText } from './actions';
import { resolveTimes, type TimeField, type TypedTimes } from './entry-times';
import { TimeInputs } from './TimeInputs';

interface Props {
  /** The account's today, `YYYY-MM-DD`: the date the form starts with. */
  today: string;
  tasks: TaskSource | null;
  recentIds: readonly number[] | undefined;
  onDone(): void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A manual entry for any day: date, start, end or duration, task, note. */
export function AddEntryForm({ today, tasks, recentIds, onDone }: Props) {
  const [date, setDate] = useState(today);
  const [times, setTimes] = useState<TypedTimes>({ start: '', end: '', duration: '' });
  const [taskId, setTaskId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [billable, setBillable] = useState<boolean | undefined>(undefined);
  const [errors, setErrors] = useState<Partial<Record<TimeField | 'date', string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = tasks?.byId(taskId);

  async function add(event: Event) {
    event.preventDefault();
    const resolved = resolveTimes(times);
    const problems: Partial<Record<TimeField | 'date', string>> = resolved.ok ? {} : { ...resolved.errors };
    if (!DATE.test(date)) problems.date = t('popup_invalidDate');
    setErrors(problems);
    if (!resolved.ok || problems.date || resolved.start === null || resolved.end === null) return;
    setBusy(true);
    setFailure(null);
    try {
      await sendMessage('addEntry', {
        date,
        startTime: toApiTime(resolved.start),
        endTime: toApiTime(resolved.end),
        durationSeconds: resolved.duration,
        ...(taskId !== null && { taskId }),
        ...(note.trim() && { note: note.trim() }),
        ...(billable !== undefined && { billable }),
      });
      onDone();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="add-entry" aria-labelledby="add-entry-heading" noValidate onSubmit={(event) => void add(event)}>
      <h3 id="add-entry-heading">{t('popup_addEntryHeading')}</h3>
      <div class="field">
        <label for="add-date">{t('popup_date')}</label>
        <input
          id="add-date"
          type="date"
          value={date}
          required
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? 'add-date-error' : undefined}
          onInput={(event) => setDate(event.currentTarget.value)}
        />
        {errors.date && (
          <p id="add-date-error" class="field-error small" role="alert">
            {errors.date}
          </p>
        )}
      </div>
      <TimeInputs idBase="add" times={times} errors={errors} onChange={setTimes} />
      <TaskCombobox id="add-task" label={t('popup_task')} tasks={tasks} recentIds={recentIds} value={taskId} onChange={(node) => setTaskId(node.taskId)} />
      <div class="field">
        <label for="add-note">{t('popup_note')}</label>
        <input id="add-note" type="text" autocomplete="off" maxLength={2000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      {tasks?.anyBillable && (
        <label class="check">
          <input type="checkbox" checked={billable ?? selected?.billable ?? false} onChange={(event) => setBillable(event.currentTarget.checked)} />
          {t('popup_billable')}
        </label>
      )}
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
          {t('popup_addEntry')}
        </button>
      </div>
    </form>
  );
}
