import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import type { Entry } from '@/lib/api';
import { sendMessage } from '@/lib/messaging/protocol';
import { errorText } from './actions';
import { resolveTimes, type TimeField, type TypedTimes } from './entry-times';
import { splitAtMidnight } from './midnight-split';
import { OverlapWarning } from './OverlapWarning';
import { TimeInputs } from './TimeInputs';

interface Props {
  /** The account's today, `YYYY-MM-DD`: the date the form starts with. */
  today: string;
  tasks: TaskSource | null;
  recentIds: readonly number[] | undefined;
  /** The day Today lists: an entry added on that date is checked against its entries for overlaps. */
  day?: { date: string; entries: readonly Entry[] };
  /** Closes the form: with what was added, to confirm it, or with nothing when cancelled. */
  onDone(added?: string): void;
}

type Problems = Partial<Record<TimeField | 'date' | 'task', string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A manual entry for today or an earlier day: date, start, end or duration,
 * task, note. Like Start timer it needs a task. One that runs past midnight
 * is saved as two entries split at midnight (a TimeCamp entry has one date),
 * as the form says before it is added.
 */
export function AddEntryForm({ today, tasks, recentIds, day, onDone }: Props) {
  const [date, setDate] = useState(today);
  const [times, setTimes] = useState<TypedTimes>({ start: '', end: '', duration: '' });
  const [taskId, setTaskId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [billable, setBillable] = useState<boolean | undefined>(undefined);
  const [errors, setErrors] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = tasks?.byId(taskId);

  const typed = resolveTimes(times);
  const crossesMidnight = typed.ok && typed.end !== null && typed.end > 86_400;

  async function add(event: Event) {
    event.preventDefault();
    const resolved = resolveTimes(times);
    const problems: Problems = resolved.ok ? {} : { ...resolved.errors };
    if (!DATE.test(date)) problems.date = t('popup_invalidDate');
    // ISO dates compare as text: a day after the account's today has not happened yet.
    else if (date > today) problems.date = t('popup_futureDate');
    if (taskId === null) problems.task = t('popup_chooseTaskFirst');
    setErrors(problems);
    if (!resolved.ok || Object.keys(problems).length > 0 || resolved.start === null || resolved.end === null) return;
    const pieces = splitAtMidnight(date, resolved.start, resolved.end);
    setBusy(true);
    setFailure(null);
    try {
      for (const piece of pieces) {
        await sendMessage('addEntry', {
          ...piece,
          taskId: taskId!,
          ...(note.trim() && { note: note.trim() }),
          ...(billable !== undefined && { billable }),
        });
      }
      onDone(pieces.length > 1 ? t('popup_entryAddedSplit') : date === today ? t('popup_entryAdded') : t('popup_entryAddedOn', date));
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
          max={today}
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
      <TimeInputs idBase="add" times={times} errors={errors} onChange={setTimes} acrossMidnight />
      <OverlapWarning times={times} entries={day && day.date === date ? day.entries : []} />
      {crossesMidnight && (
        <p class="muted small" role="status">
          {t('popup_splitAtMidnight')}
        </p>
      )}
      <TaskCombobox id="add-task" label={t('popup_task')} tasks={tasks} recentIds={recentIds} value={taskId} onChange={(node) => setTaskId(node.taskId)} />
      {errors.task && taskId === null && (
        <p id="add-task-error" class="field-error small" role="alert">
          {errors.task}
        </p>
      )}
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
        <button type="button" class="secondary" onClick={() => onDone()}>
          {t('popup_cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {t('popup_addEntry')}
        </button>
      </div>
    </form>
  );
}
