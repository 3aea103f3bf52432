import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import { useTaskRefresh } from '@/components/task-picker/use-task-refresh';
import type { RecentNote } from '@/lib/tasks/search';
import { sendMessage } from '@/lib/messaging/protocol';
import type { IssueRef } from '@/lib/storage/timer';
import { errorText } from './actions';
import { linkedTask, readActivePage } from './track-page';
import { noteLocalStart } from './use-popup-state';

interface Props {
  tasks: TaskSource | null;
  recentIds: readonly number[] | undefined;
  /** Today's notes with their tasks: what the user wrote finds the task. */
  notes?: readonly RecentNote[];
  noteTemplate: string | undefined;
}

/** No timer runs: pick a task, write a note, start. Enter in the note starts. */
export function StartForm({ tasks, recentIds, notes, noteTemplate }: Props) {
  const refresh = useTaskRefresh();
  const [taskId, setTaskId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  // Undefined: the task's own billing decides (no extra request); a boolean: the user chose.
  const [billable, setBillable] = useState<boolean | undefined>(undefined);
  const [source, setSource] = useState<IssueRef | null>(null);
  // An issue read from the page whose linked task is still to be looked up (the tree may arrive after the click).
  const [linking, setLinking] = useState<IssueRef | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const selected = tasks?.byId(taskId);

  async function start(event: Event) {
    event.preventDefault();
    if (taskId === null) {
      setMessage({ text: t('popup_chooseTaskFirst'), error: true });
      document.getElementById('task-input')?.focus();
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      noteLocalStart();
      await sendMessage('startTimer', { taskId, note: note.trim(), ...(billable !== undefined && { billable }), ...(source && { source }) });
    } catch (failure) {
      setMessage({ text: errorText(failure), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function trackPage() {
    setMessage(null);
    try {
      const page = await readActivePage(noteTemplate);
      if (!page) {
        setMessage({ text: t('popup_trackPageNothing'), error: true });
        return;
      }
      setNote(page.note);
      setSource(page.issue);
      setLinking(page.issue);
      if (!page.issue) (taskId === null ? document.getElementById('task-input') : noteRef.current)?.focus();
    } catch (failure) {
      setMessage({ text: errorText(failure), error: true });
    }
  }

  useEffect(() => {
    if (!linking || !tasks) return;
    setLinking(null);
    const task = linkedTask(tasks.nodes, linking);
    if (task) {
      setTaskId(task.taskId);
      setBillable(undefined);
      noteRef.current?.focus();
    } else {
      setMessage({ text: t('popup_trackPageNoLinkedTask'), error: false });
      document.getElementById('task-input')?.focus();
    }
  }, [linking, tasks]);

  return (
    <form class="start-form" aria-labelledby="start-heading" onSubmit={(event) => void start(event)} noValidate>
      <h2 id="start-heading" class="visually-hidden">
        {t('popup_startHeading')}
      </h2>
      <TaskCombobox
        id="task"
        label={t('popup_task')}
        tasks={tasks}
        recentIds={recentIds}
        notes={notes}
        refresh={refresh}
        value={taskId}
        autoFocus
        onChange={(node) => {
          setTaskId(node.taskId);
          setBillable(undefined);
          setMessage(null);
        }}
        onChosen={() => noteRef.current?.focus()}
      />
      <div class="field">
        <label for="note">{t('popup_note')}</label>
        <input
          ref={noteRef}
          id="note"
          type="text"
          autocomplete="off"
          maxLength={2000}
          placeholder={t('popup_notePlaceholder')}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      {source && (
        <p class="linked-issue small">
          {t('popup_linkedIssue', source.key || source.title)}{' '}
          <button type="button" class="link-button" onClick={() => setSource(null)}>
            {t('popup_unlinkIssue')}
          </button>
        </p>
      )}
      {tasks?.anyBillable && (
        <label class="check">
          <input type="checkbox" checked={billable ?? selected?.billable ?? false} onChange={(event) => setBillable(event.currentTarget.checked)} />
          {t('popup_billable')}
        </label>
      )}
      {message && (
        <p class={message.error ? 'field-error' : 'field-hint'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void trackPage()}>
          {t('popup_trackPage')}
        </button>
        <button type="submit" class="start" disabled={busy}>
          {t('popup_startTimer')}
        </button>
      </div>
    </form>
  );
}
