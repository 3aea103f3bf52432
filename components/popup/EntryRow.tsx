import type { ComponentChildren } from 'preact';
import { shownSpan } from '@/components/format/entry-span';
import { secondsOfApiTime } from '@/components/format/time';
import { t } from '@/lib/i18n';
import type { TaskSource } from '@/components/task-picker/task-source';
import type { Entry } from '@/lib/api';
import { usePrefs } from './prefs';

interface Props {
  entry: Entry;
  /** TimeCamp does not have it yet (it waits in the queue): said on the row, in words a screen reader reads too. */
  waiting?: boolean;
  tasks: TaskSource | null;
  onEdit(): void;
  onDelete(): void;
  /** Starts a timer with this entry's task and note; absent when the entry has no task. */
  onContinue?(): void;
}

/** Why an entry cannot be changed, or null when it can. */
export function lockReason(entry: Pick<Entry, 'locked' | 'invoiceId'>): string | null {
  if (entry.invoiceId !== null) return t('popup_invoiced');
  if (entry.locked) return t('popup_lockedApproved');
  return null;
}

/** One of today's entries: task, note, start–end and duration, and what can be done with it. */
export function EntryRow({ entry, waiting = false, tasks, onEdit, onDelete, onContinue }: Props) {
  const prefs = usePrefs();
  const node = tasks?.byId(entry.taskId);
  const name = entry.taskName || node?.name || t('popup_noTask');
  const path = node && node.path.length > 1 ? node.path.slice(0, -1).join(' › ') : '';
  const { range, duration } = shownSpan(secondsOfApiTime(entry.startTime), secondsOfApiTime(entry.endTime), entry.durationSeconds, prefs.timeFormat, prefs.durationFormat);
  const locked = lockReason(entry);
  const nameId = `entry-${entry.id}-name`;
  // Each action button names its entry, and says it waits to be sent.
  const describedBy = waiting ? `${nameId} ${nameId}-waiting` : nameId;

  return (
    <li class={waiting ? 'entry waiting' : 'entry'} style={{ '--task-color': entry.color ?? node?.color ?? 'transparent' }}>
      <span class="task-dot entry-dot" aria-hidden="true" />
      <div class="entry-text">
        <span class="entry-task" id={nameId} title={path ? `${path} › ${name}` : name}>
          {name}
        </span>
        {entry.note ? <span class="entry-note">{entry.note}</span> : null}
        {locked && <span class="badge">{locked}</span>}
        {waiting && (
          <span class="badge waiting-badge" id={`${nameId}-waiting`}>
            {t('popup_waitingToSend')}
          </span>
        )}
      </div>
      <div class="entry-time">
        <span class="entry-duration">{duration}</span>
        {range && <span class="entry-range">{range}</span>}
      </div>
      <div class="entry-actions">
        {onContinue && (
          <IconButton label={t('popup_continue')} describedBy={describedBy} onClick={onContinue}>
            <path d="M5 3.5v9l7.5-4.5z" fill="currentColor" />
          </IconButton>
        )}
        {!locked && (
          <>
            <IconButton label={t('popup_edit')} describedBy={describedBy} onClick={onEdit}>
              <path d="M10.6 2.6l2.8 2.8-7.6 7.6H3v-2.8z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
            </IconButton>
            <IconButton label={t('popup_delete')} describedBy={describedBy} onClick={onDelete}>
              <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
            </IconButton>
          </>
        )}
      </div>
    </li>
  );
}

function IconButton(props: { label: string; describedBy: string; onClick(): void; children: ComponentChildren }) {
  return (
    <button type="button" class="icon-button" aria-label={props.label} aria-describedby={props.describedBy} title={props.label} onClick={props.onClick}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        {props.children}
      </svg>
    </button>
  );
}
