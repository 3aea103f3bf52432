import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { TaskCombobox } from '@/components/task-picker/TaskCombobox';
import type { TaskSource } from '@/components/task-picker/task-source';
import { sendMessage } from '@/lib/messaging/protocol';

export interface TaskFieldProps {
  id: string;
  /** What the task is for, e.g. `Default task`: the field's name. */
  label: string;
  /** Shown as the label; the table of per-tracker tasks has its own headers and hides it. */
  showLabel?: boolean;
  value: number | null;
  tasks: TaskSource | null;
  onChange(taskId: number | null): void;
}

/**
 * A task setting: the chosen task's name with `Change` and `Clear`. The
 * search field (the popup's task combobox) opens on `Change` only, so a page
 * with a dozen task settings stays short and quiet.
 */
export function TaskField({ id, label, showLabel = true, value, tasks, onChange }: TaskFieldProps) {
  const [editing, setEditing] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);
  // After a choice or a cancel, focus returns to `Change`; after tabbing away it stays where it went.
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    changeRef.current?.focus();
  }, [editing]);

  function finish(returnFocus: boolean) {
    refocus.current = returnFocus;
    setEditing(false);
  }
  const chosen = tasks?.byId(value);
  const shown = value === null ? t('options_noTask') : chosen ? chosen.pathText : t('options_unknownTask', value);

  function startEditing() {
    // No tree cached yet (just signed in): a view opening is the background's cue to fetch it.
    if (!tasks) void sendMessage('syncNow', {}).catch(() => undefined);
    setEditing(true);
  }

  if (editing) {
    return (
      <div
        class="task-field editing"
        onFocusOut={(event) => {
          // Leaving the field without choosing keeps the task as it was.
          const next = event.relatedTarget as Node | null;
          if (next && !(event.currentTarget as HTMLElement).contains(next)) finish(false);
        }}
        onKeyDown={(event) => {
          // The combobox handles Escape while its list is open; a second Escape gives up.
          if (event.key === 'Escape' && !event.defaultPrevented) finish(true);
        }}
      >
        <TaskCombobox
          id={id}
          label={label}
          tasks={tasks}
          value={value}
          autoFocus
          onChange={(node) => {
            onChange(node.taskId);
            finish(true);
          }}
        />
        <button type="button" class="secondary small" onClick={() => finish(true)}>
          {t('options_cancel')}
        </button>
      </div>
    );
  }

  return (
    <div class="task-field" role="group" aria-labelledby={`${id}-label ${id}-value`}>
      <span id={`${id}-label`} class={showLabel ? 'task-field-label' : 'visually-hidden'}>
        {label}
      </span>
      <span id={`${id}-value`} class={value === null ? 'task-field-value muted' : 'task-field-value'}>
        {shown}
      </span>
      <span class="button-row">
        <button type="button" ref={changeRef} class="secondary small" aria-label={t('options_changeTask', label)} onClick={startEditing}>
          {t('options_change')}
        </button>
        {value !== null && (
          <button type="button" class="secondary small" aria-label={t('options_clearTask', label)} onClick={() => onChange(null)}>
            {t('options_clear')}
          </button>
        )}
      </span>
    </div>
  );
}
