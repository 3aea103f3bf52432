import { useMemo, useRef, useState } from 'preact/hooks';
import type { FrameSignal } from '@/components/in-page/frame-signals';
import { t, uiLanguage } from '@/lib/i18n';
import { errorText } from '@/components/popup/actions';
import { sendMessage, type EventRange, type PickerSession, type TaskChoice } from '@/lib/messaging/protocol';
import { createAnswerSource } from './answer-source';
import { TaskCombobox } from './TaskCombobox';
import { useTaskRefresh } from './use-task-refresh';
import { useFrameFit } from './use-frame-fit';
import './issue-picker.css';

/** Rows the background sends for a query: as many as a scrolled list is worth. */
const SEARCH_LIMIT = 20;

interface Props {
  session: PickerSession;
  /** Tells the tracker page that holds this frame its size, or that it is done. */
  post(signal: FrameSignal): void;
}

/** When the event was, as the browser's language writes a range: "Dec 1, 2026, 10:00 – 11:30 AM". */
function eventTimeText({ start, end }: EventRange): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).formatRange(start, end);
}

/**
 * The task picker a tracker's button opens, in a frame of the extension's own origin: the page
 * can neither read its task names nor type into it. It searches and starts through the
 * background itself. It opens with the likely tasks listed, the first chosen and the note
 * filled in: Enter takes the highlighted task and goes to the note, Enter there (or Start timer)
 * starts on the issue and remembers the task for it. Escape or Cancel closes it. For a past
 * calendar event's "Add as entry" (`session.event`) it adds the event's time on the task instead.
 */
export function IssuePicker({ session, post }: Props) {
  const { issue, event } = session;
  const heading = `${issue.key} ${issue.title}`.trim();
  const answers = useMemo(createAnswerSource, []);
  const [tasks, setTasks] = useState(() => answers.answer(session.suggestions));
  const [taskId, setTaskId] = useState<number | null>(session.suggestions[0]?.taskId ?? null);
  const [note, setNote] = useState(session.note);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const asked = useRef(0);
  const lastQuery = useRef('');
  const rows = useFrameFit(form, post);
  const refresh = useTaskRefresh(() => void search(lastQuery.current));

  async function search(query: string) {
    lastQuery.current = query;
    const mine = ++asked.current;
    const text = query.trim();
    try {
      const found: TaskChoice[] = text ? await sendMessage('searchTasks', { query: text, limit: SEARCH_LIMIT }) : session.suggestions;
      // An answer to an older query, arriving late, would show rows the field no longer asks for.
      if (mine !== asked.current) return;
      setTasks(answers.answer(found));
      setMessage((shown) => (shown?.error ? null : shown));
    } catch (failure) {
      if (mine === asked.current) setMessage({ text: t('picker_searchFailed', errorText(failure)), error: true });
    }
  }

  async function start(submitted: Event) {
    submitted.preventDefault();
    if (busy) return;
    if (taskId === null) {
      setMessage({ text: t('popup_chooseTaskFirst'), error: true });
      document.getElementById('task-input')?.focus();
      return;
    }
    setBusy(true);
    setMessage({ text: t(event ? 'picker_adding' : 'picker_starting'), error: false });
    try {
      if (event) {
        await sendMessage('addEventEntry', { taskId, note: note.trim(), start: event.start, end: event.end });
        post({ type: 'added' });
      } else {
        await sendMessage('startTimer', { taskId, note: note.trim(), source: issue, remember: true });
        post({ type: 'started' });
      }
    } catch (failure) {
      setMessage({ text: t(event ? 'picker_addFailed' : 'picker_startFailed', errorText(failure)), error: true });
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    // The task list takes Escape first (it closes itself); otherwise Escape closes the picker.
    if (event.key === 'Escape' && !event.defaultPrevented) post({ type: 'close' });
  }

  return (
    <form ref={form} class="issue-picker" aria-label={t('picker_title')} onSubmit={(event) => void start(event)} onKeyDown={onKeyDown} noValidate>
      <p class="issue-picker-issue" title={heading}>
        {heading}
      </p>
      {event && <p class="issue-picker-event">{t('picker_eventTime', eventTimeText(event))}</p>}
      <TaskCombobox
        id="task"
        label={t('popup_task')}
        tasks={tasks}
        value={taskId}
        visibleRows={rows}
        // The background's search already fetches the tree again when it finds nothing.
        refresh={{ ...refresh, noMatch() {} }}
        autoFocus
        defaultOpen
        onQuery={(query) => void search(query)}
        onChange={(node) => {
          setTaskId(node.taskId);
          setMessage(null);
        }}
        onChosen={() => noteRef.current?.focus()}
      />
      <label for="note">{t('popup_note')}</label>
      <input ref={noteRef} id="note" type="text" autocomplete="off" maxLength={2000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      {message && (
        <p class={message.error ? 'field-error' : 'issue-picker-status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div class="issue-picker-actions">
        <button type="submit" disabled={busy}>
          {t(event ? 'picker_addEntry' : 'popup_startTimer')}
        </button>
        <button type="button" class="issue-picker-cancel" onClick={() => post({ type: 'close' })}>
          {t('popup_cancel')}
        </button>
      </div>
    </form>
  );
}

/** What the frame shows when its session is gone (spent, expired, or the extension restarted): press the button again. */
export function PickerGone({ post }: Pick<Props, 'post'>) {
  const box = useRef<HTMLDivElement>(null);
  useFrameFit(box, post);
  return (
    <div ref={box} class="issue-picker" onKeyDown={(event) => event.key === 'Escape' && post({ type: 'close' })}>
      <p class="field-error" role="alert">
        {t('picker_expired')}
      </p>
      <div class="issue-picker-actions">
        <button type="button" class="issue-picker-cancel" autoFocus onClick={() => post({ type: 'close' })}>
          {t('picker_close')}
        </button>
      </div>
    </div>
  );
}
