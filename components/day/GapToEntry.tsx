import { useState } from 'preact/hooks';
import type { TimeFormat } from '@/components/format/time';
import { t } from '@/lib/i18n';
import { errorText } from '@/components/popup/actions';
import { splitAtMidnight } from '@/components/popup/midnight-split';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import { sendMessage } from '@/lib/messaging/protocol';
import type { Span } from './layout';
import { spanName } from './names';

interface Props {
  /** The shown day, `YYYY-MM-DD`, account time. */
  date: string;
  range: Span;
  /** The sites visited in the range, most time first: the note it starts with. */
  suggestedNote: string;
  tasks: TaskSource | null;
  recentIds: readonly number[] | undefined;
  timeFormat: TimeFormat;
  /** Closes the form: with a confirmation once added, with nothing when cancelled. */
  onDone(added?: string): void;
}

/** Recent tasks offered as one press each: a gap and a task make an entry in two clicks. */
const QUICK_TASKS = 3;

/**
 * A selected range (dragged across, or a gap or activity stretch picked) turned into an entry: a
 * task (a recent one in one press, or any from the combobox) and a note that starts as the sites
 * visited then. Sent as `addEntry` in the account's time, like the popup's form.
 */
export function GapToEntry({ date, range, suggestedNote, tasks, recentIds, timeFormat, onDone }: Props) {
  const [taskId, setTaskId] = useState<number | null>(null);
  const [note, setNote] = useState(suggestedNote);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const quick = (recentIds ?? []).map((id) => tasks?.byId(id)).filter((node) => node?.trackable && !node.archived).slice(0, QUICK_TASKS);
  const heading = spanName(t('day_newEntry'), range, timeFormat);

  async function add(chosen: number | null) {
    if (chosen === null) return setProblem(t('day_chooseTask'));
    setBusy(true);
    setProblem(null);
    try {
      for (const piece of splitAtMidnight(date, range.start, range.end)) {
        await sendMessage('addEntry', { ...piece, taskId: chosen, ...(note.trim() && { note: note.trim() }) });
      }
      onDone(t('day_entryAdded'));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="gap-to-entry"
      aria-labelledby="gap-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void add(taskId);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onDone();
      }}
    >
      <h2 id="gap-heading">{heading}</h2>
      {quick.length > 0 && (
        <div class="quick-tasks" role="group" aria-label={t('day_recentTasks')}>
          {quick.map((node) => (
            <button type="button" key={node!.taskId} disabled={busy} onClick={() => void add(node!.taskId)}>
              {t('day_addOn', node!.name)}
            </button>
          ))}
        </div>
      )}
      <TaskCombobox id="day-task" label={t('day_task')} tasks={tasks} recentIds={recentIds} value={taskId} onChange={(node) => setTaskId(node.taskId)} autoFocus />
      <div class="field">
        <label for="day-note">{t('day_note')}</label>
        <input id="day-note" type="text" autocomplete="off" maxLength={2000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => onDone()}>
          {t('day_cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {t('day_add')}
        </button>
      </div>
    </form>
  );
}
