import { useEffect, useMemo, useState } from 'preact/hooks';
import { secondsOfApiTime, toApiTime } from '@/components/format/time';
import { t, uiLanguage } from '@/lib/i18n';
import { errorText } from '@/components/popup/actions';
import { displayPrefs } from '@/components/popup/prefs';
import { useTaskSource } from '@/components/popup/use-popup-state';
import { useStored } from '@/components/use-stored';
import { DAY_DATA_MARK, type DayData, type DayEntry } from '@/lib/day/day-data';
import { sendMessage } from '@/lib/messaging/protocol';
import { account } from '@/lib/storage/account';
import { settings } from '@/lib/storage/settings';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { recentTasks } from '@/lib/tasks/recent';
import { accountDate, accountDateTime } from '@/lib/timer/account-time';
import { mergeBySite, siteTotals, suggestedNote } from './activity';
import { DayNav } from './DayNav';
import { untrackedGaps } from './gaps';
import { GapToEntry } from './GapToEntry';
import { DAY, type Span } from './layout';
import { entryName } from './names';
import { Timeline } from './Timeline';
import { Totals } from './Totals';
import { taskTotals } from './totals';
import './day.css';

interface Props {
  /** The day the page was opened on (`day.html#2026-11-30` or `?date=`), when its address names one. */
  initialDate: string | null;
  /** Tells the page's address the shown day, so a reload or a bookmark keeps it. */
  onDateShown?(date: string): void;
}

const keyOf = (entry: DayEntry) => entry.waitingId ?? String(entry.id);

/** The span within the entry's own date (TimeCamp gives an entry one date), keeping its length. */
function withinOwnDate(entry: DayEntry, span: Span, shown: string): Span {
  const base = entry.date === shown ? 0 : entry.date < shown ? -DAY : DAY;
  const length = span.end - span.start;
  const start = Math.min(base + DAY - length, Math.max(base, span.start));
  return { start, end: start + length };
}

/** What changes when an entry moves: its times on its own date, and its length. */
function timesOf(span: Span) {
  return { startTime: toApiTime(span.start), endTime: toApiTime(span.end), durationSeconds: span.end - span.start };
}

// Made once: a formatter takes milliseconds to make, and the page draws again at every edit.
let headingFormat: Intl.DateTimeFormat | undefined;
const dayHeading = (date: string) => {
  headingFormat ??= new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  return headingFormat.format(Date.parse(`${date}T00:00:00Z`));
};

/**
 * One day on a timeline with its totals: loaded from TimeCamp through the background
 * (`loadDay`), edited through the engine's queue (`editEntry`, `editWaitingEntry`, `addEntry`).
 * Every time is the account's, whatever the browser's zone.
 */
export function DayView({ initialDate, onDateShown }: Props) {
  const signedIn = useStored(account);
  const sync = useStored(syncState);
  const prefs = displayPrefs(useStored(settings));
  const recentIds = useStored(recentTasks);
  const running = useStored(runningTimer);
  const tasks = useTaskSource(signedIn);
  const today = sync ? accountDate(sync, Date.now()) : null;
  const [date, setDate] = useState<string | null>(initialDate);
  const shown = date ?? today;
  const [data, setData] = useState<DayData | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [moved, setMoved] = useState<ReadonlyMap<string, Span>>(new Map());
  const [selection, setSelection] = useState<Span | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (shown === null) return;
    onDateShown?.(shown);
    let live = true;
    setLoadProblem(null);
    sendMessage('loadDay', { date: shown }).then(
      (loaded) => {
        if (!live) return;
        performance.mark(DAY_DATA_MARK);
        setData(loaded);
        setMoved(new Map());
      },
      (error: unknown) => live && setLoadProblem(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [shown, reloads]);

  const current = data && data.date === shown ? data : null;
  const nowSeconds = sync && shown === today ? secondsOfApiTime(accountDateTime(sync, Date.now())) : null;
  // TimeCamp lists the running timer's entry as it started, without length: it runs up to now.
  const runningEntryId = nowSeconds === null ? null : (running?.entryId ?? null);
  const runningUntil = runningEntryId === null ? null : nowSeconds;
  const entries = useMemo(
    () => (current?.entries ?? []).map((entry) => {
      if (entry.id === runningEntryId && entry.start !== null && runningUntil !== null) {
        const end = Math.max(entry.end ?? entry.start, runningUntil);
        return { ...entry, end, durationSeconds: end - entry.start, running: true };
      }
      const span = moved.get(keyOf(entry));
      return span ? { ...entry, ...span } : entry;
    }),
    [current, moved, runningEntryId, runningUntil],
  );
  const timed = useMemo(() => entries.filter((entry) => entry.start !== null && entry.end !== null), [entries]);
  const gaps = useMemo(() => untrackedGaps(timed as Span[], current?.attendance ?? null), [timed, current]);
  const stretches = useMemo(() => mergeBySite(current?.activity ?? []), [current]);
  const byTask = useMemo(() => taskTotals(entries), [entries]);
  const bySite = useMemo(() => siteTotals(current?.activity ?? []), [current]);

  function show(next: string) {
    setSelection(null);
    setStatus(null);
    setProblem(null);
    setDate(next);
  }

  async function change(entry: DayEntry, wanted: Span) {
    const span = withinOwnDate(entry, wanted, current!.date);
    const key = keyOf(entry);
    setMoved((before) => new Map(before).set(key, span));
    setProblem(null);
    try {
      if (entry.waitingId !== undefined) {
        await sendMessage('editWaitingEntry', {
          actionId: entry.waitingId,
          entry: { date: entry.date, ...timesOf(span), ...(entry.taskId !== null && { taskId: entry.taskId }), ...(entry.note && { note: entry.note }), ...(entry.billable && { billable: true }) },
        });
      } else {
        await sendMessage('editEntry', { entryId: entry.id, changes: timesOf(span) });
      }
      setStatus(t('day_entryChanged', entryName(entry, span, prefs.timeFormat)));
    } catch (error) {
      // The background refused: the entry goes back where TimeCamp has it.
      setMoved((before) => {
        const after = new Map(before);
        after.delete(key);
        return after;
      });
      setProblem(t('day_changeRefused', errorText(error)));
    }
  }


  return (
    <main class="day-view">
      <header class="day-head">
        <h1>{t('day_title')}</h1>
        {shown && <p class="day-date">{dayHeading(shown)}</p>}
        {shown && today && <DayNav date={shown} today={today} onChange={show} />}
      </header>
      {loadProblem && (
        <p class="field-error" role="alert">
          {loadProblem}{' '}
          {/* TimeCamp out of reach, or the token refused: nothing here is lost, the day is asked for again. */}
          <button type="button" onClick={() => setReloads((n) => n + 1)}>
            {t('popup_retry')}
          </button>
        </p>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <p class="day-status" role="status">
        {status ?? (!current && !loadProblem ? t('day_loading') : '')}
      </p>
      {current && (
        <div class="day-body">
          <div class="timeline-wrap">
            <Timeline
              entries={timed}
              attendance={current.attendance}
              away={current.away}
              activity={stretches}
              gaps={gaps}
              selection={selection}
              timeFormat={prefs.timeFormat}
              now={nowSeconds}
              onChange={(entry, span) => void change(entry, span)}
              onSelect={(span) => {
                setStatus(null);
                setSelection(span);
              }}
              onPreview={setStatus}
            />
            {current.unavailable.length > 0 && <p class="muted small">{current.unavailable.map((section) => t(`day_unavailable_${section}`)).join(' ')}</p>}
            {selection && (
              <GapToEntry
                key={`${selection.start}-${selection.end}`}
                date={current.date}
                range={selection}
                suggestedNote={suggestedNote(current.activity, selection)}
                tasks={tasks}
                recentIds={recentIds}
                timeFormat={prefs.timeFormat}
                onDone={(added) => {
                  setSelection(null);
                  setStatus(added ?? null);
                  if (added) setReloads((n) => n + 1);
                }}
              />
            )}
          </div>
          <Totals tasks={byTask} sites={bySite} durationFormat={prefs.durationFormat} />
        </div>
      )}
    </main>
  );
}
