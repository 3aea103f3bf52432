import { useState } from 'preact/hooks';
import { secondsOfApiTime } from '@/components/format/time';
import { t } from '@/lib/i18n';
import type { TaskSource } from '@/components/task-picker/task-source';
import type { Entry } from '@/lib/api';
import type { DaySummary as Day } from '@/lib/entries/today';
import { pendingStops, unlistedStops, waitingEntries } from '@/lib/entries/waiting';
import type { ActionQueue } from '@/lib/storage/queue';
import { sendMessage } from '@/lib/messaging/protocol';
import type { SyncState } from '@/lib/storage/sync';
import type { RunningTimer } from '@/lib/storage/timer';
import { accountDate, accountDateTime } from '@/lib/timer/account-time';
import { errorText } from './actions';
import { DaySummary } from './DaySummary';
import { AddEntryForm, EntryEditor } from './editors';
import { EntryRow } from './EntryRow';
import { noteLocalStart } from './use-popup-state';
import { useNow } from './use-now';
import { usePendingDeletes } from './use-pending-deletes';

interface Props {
  day: Day | null | undefined;
  /** Whose day to show (`accountKeyOf`): a day stored for another account is not shown. */
  accountKey: string;
  timer: RunningTimer | null | undefined;
  sync: SyncState | undefined;
  tasks: TaskSource | null;
  recentIds: readonly number[] | undefined;
  /** The queue: entries the user made that TimeCamp does not have yet are listed too, as waiting. */
  queue?: ActionQueue;
}

/** One row of the list: an entry TimeCamp has, or one that waits in the queue (`waitingId`: the action that makes it). */
interface Row {
  key: string;
  entry: Entry;
  waiting: boolean;
  waitingId?: string;
}

const startOf = (entry: Entry) => (entry.startTime ?? '').slice(-8);

const NO_OFFSET = { accountOffsetMinutes: null };

/** Today's entries with the day's and week's totals; each entry edited, deleted (with undo) or continued in place. */
export function Today({ day, accountKey, timer, sync, tasks, recentIds, queue }: Props) {
  // Totals are shown to the minute: a tick every 15 s keeps the running timer's share current.
  const now = useNow(15_000, Boolean(timer));
  const deletes = usePendingDeletes();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const todayDate = accountDate(sync ?? NO_OFFSET, now);
  const mine = day && day.accountKey === accountKey ? day : null;

  const all = mine?.entries ?? [];
  // The running timer's entry is the timer card above, not a row here (TimeCamp lists it with no time yet).
  const runningEntry = timer?.entryId != null ? all.find((entry) => entry.id === timer.entryId) : undefined;
  const entries = all.filter((entry) => entry !== runningEntry && !deletes.hidden.has(entry.id));
  const offset = sync ?? NO_OFFSET;
  const accountTime = (at: number) => ({ date: accountDate(offset, at), dateTime: accountDateTime(offset, at) });
  // A stop TimeCamp has not heard of yet: the entry it lists as running is shown stopped, waiting.
  const stops = pendingStops(queue, accountKey);
  const known: Row[] = entries.map((entry) => {
    const stoppedAt = stops.get(entry.id);
    if (stoppedAt === undefined) return { key: `entry:${entry.id}`, entry, waiting: false };
    const endTime = accountTime(stoppedAt).dateTime;
    return { key: `entry:${entry.id}`, entry: { ...entry, endTime, durationSeconds: Math.max(entry.durationSeconds, secondsBetween(entry.startTime, endTime)) }, waiting: true };
  });
  // A stopped timer the day does not list yet (fetched before it started) is TimeCamp's entry all the same.
  const unlisted: Row[] = mine
    ? unlistedStops(queue, accountKey, new Set(all.map((entry) => entry.id)), mine.date, accountTime)
        .filter((entry) => !deletes.hidden.has(entry.id))
        .map((entry) => ({ key: `entry:${entry.id}`, entry, waiting: true }))
    : [];
  const waiting: Row[] = mine
    ? [
        ...unlisted,
        ...waitingEntries(queue, accountKey, mine.date, accountTime).map(({ actionId, entry }) => ({ key: `waiting:${actionId}`, entry, waiting: true, waitingId: actionId })),
      ]
    : [];
  const rows = [...known, ...waiting].sort((a, b) => startOf(a.entry).localeCompare(startOf(b.entry)));
  const shownEntries = rows.map((row) => row.entry);
  const runningSeconds = timer && mine?.date === todayDate ? Math.max(0, Math.floor((now - timer.startedAt) / 1000)) : 0;
  const removedSeconds = all.filter((entry) => deletes.hidden.has(entry.id)).reduce((sum, entry) => sum + entry.durationSeconds, 0);
  const waitingSeconds = waiting.reduce((sum, row) => sum + row.entry.durationSeconds, 0);
  const tracked = shownEntries.reduce((sum, entry) => sum + entry.durationSeconds, 0) + runningSeconds;
  const week = Math.max(0, (mine?.weekSeconds ?? 0) - (runningEntry?.durationSeconds ?? 0) - removedSeconds + runningSeconds + waitingSeconds);

  async function deleteWaiting(actionId: string) {
    setFailure(null);
    try {
      await sendMessage('deleteWaitingEntry', { actionId });
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  async function continueEntry(taskId: number, note: string) {
    setFailure(null);
    try {
      noteLocalStart();
      await sendMessage('startTimer', { taskId, note });
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  const heading = !mine || mine.date === todayDate ? t('popup_todayHeading') : mine.date;

  return (
    <section class="today" aria-labelledby="today-heading">
      <div class="section-head">
        <h2 id="today-heading">{heading}</h2>
        <button
          type="button"
          class="secondary small-button"
          aria-expanded={adding}
          onClick={() => {
            setAdded(null);
            setAdding(!adding);
          }}
        >
          {adding ? t('popup_cancel') : t('popup_addEntryOpen')}
        </button>
      </div>
      {adding && (
        <AddEntryForm
          today={todayDate}
          tasks={tasks}
          recentIds={recentIds}
          day={mine ? { date: mine.date, entries: shownEntries } : undefined}
          onDone={(confirmation) => {
            setAdding(false);
            setAdded(confirmation ?? null);
          }}
        />
      )}
      {added && (
        <p class="added-confirmation small" role="status">
          {added}
        </p>
      )}
      {mine && <DaySummary trackedSeconds={tracked} weekSeconds={week} attendance={mine.attendance} away={mine.away} />}
      {(failure ?? deletes.error) && (
        <p class="field-error" role="alert">
          {failure ?? deletes.error}
        </p>
      )}
      {mine && (
        <ul class="entries" aria-label={t('popup_todaysEntries')}>
          {rows.map(({ key, entry, waiting: isWaiting, waitingId }) =>
            editing === key ? (
              <li class="entry editing" key={key}>
                <EntryEditor
                  entry={entry}
                  waitingId={waitingId}
                  others={shownEntries.filter((other) => other !== entry)}
                  tasks={tasks}
                  recentIds={recentIds}
                  onDone={() => setEditing(null)}
                />
              </li>
            ) : (
              <EntryRow
                key={key}
                entry={entry}
                waiting={isWaiting}
                tasks={tasks}
                onEdit={() => setEditing(key)}
                onDelete={() => (waitingId ? void deleteWaiting(waitingId) : deletes.remove(entry.id))}
                onContinue={entry.taskId === null ? undefined : () => void continueEntry(entry.taskId!, entry.note)}
              />
            ),
          )}
        </ul>
      )}
      {rows.length === 0 && <p class="muted empty">{mine ? t('popup_noEntries') : t('popup_entriesLoading')}</p>}
      {deletes.undoable.length > 0 && (
        <div class="toasts">
          {deletes.undoable.map((entryId) => (
            <div class="toast" role="status" key={entryId}>
              <span>{t('popup_entryDeleted')}</span>
              <button type="button" class="link-button" onClick={() => deletes.undo(entryId)}>
                {t('popup_undo')}
              </button>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

/** Seconds from one account datetime (or time of day) to another, on the same day. */
function secondsBetween(from: string | null, to: string): number {
  const start = secondsOfApiTime(from);
  const end = secondsOfApiTime(to);
  return start === null || end === null ? 0 : Math.max(0, end - start);
}
