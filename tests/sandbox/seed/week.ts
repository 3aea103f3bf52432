// A week of work for the account's people: entries (one invoiced, one locked by an approval),
// attendance, away time, a few manual changes, the invoice, and Jan's running timer.
import type { SandboxClock } from '../clock.ts';
import { type Entry, nextId, type AccountData } from '../state.ts';
import { addDays, formatTimeOfDay, parseTimeOfDay, weekday } from '../zone.ts';
import { CLIENT_IDS, TAG_IDS, USER_IDS } from './people.ts';
import { Random } from './random.ts';
import type { LandmarkKey } from './tasks.ts';

const MIN = 60;
const HOUR = 3600;
const LUNCH = { start: 12 * HOUR + 30 * MIN, end: 13 * HOUR };
const EVERYDAY_NOTES = ['', '', 'Code review', 'Pairing session', 'Client call', 'Fixing review comments', 'Planning'];

interface Block {
  taskId: number;
  /** Seconds since local midnight. */
  start: number;
  end: number;
}

/** A working day: a morning and an afternoon filled with blocks of 30 minutes to 2 hours. */
function planDay(rng: Random, pool: readonly number[]): Block[] {
  const halves: [number, number][] = [
    [9 * HOUR + rng.int(0, 15) * MIN, LUNCH.start],
    [LUNCH.end, 17 * HOUR + rng.int(0, 45) * MIN],
  ];
  const blocks: Block[] = [];
  for (const [from, to] of halves) {
    for (let t = from; t < to - 10 * MIN; ) {
      const end = Math.min(to, t + rng.pick([30, 45, 60, 90, 120]) * MIN);
      blocks.push({ taskId: rng.pick(pool), start: t, end });
      t = end + rng.pick([0, 0, 5, 10]) * MIN;
    }
  }
  return blocks;
}

/**
 * Today only has what already happened; early in the morning (or just after midnight, when a
 * test or a demo may run too), one short block before now, so the day is never empty.
 */
function clipToNow(blocks: Block[], nowSeconds: number, fallbackTask: number): Block[] {
  const clipped = blocks
    .map((b) => ({ ...b, end: Math.min(b.end, nowSeconds - MIN) }))
    .filter((b) => b.end - b.start >= 10 * MIN);
  if (clipped.length > 0 || nowSeconds < 2 * MIN) return clipped;
  return [{ taskId: fallbackTask, start: Math.max(0, nowSeconds - 50 * MIN), end: nowSeconds - Math.min(5 * MIN, nowSeconds / 2) }];
}

function ancestorsNames(state: AccountData, taskId: number): string[] {
  const names: string[] = [];
  for (let t = state.tasks.get(taskId); t; t = state.tasks.get(t.parent_id)) names.push(t.name);
  return names;
}

function tagFor(state: AccountData, taskId: number): number {
  const names = ancestorsNames(state, taskId);
  if (names.some((n) => n === 'Design')) return TAG_IDS.design;
  if (names.some((n) => n === 'QA')) return TAG_IDS.review;
  if (names.some((n) => ['Meetings', 'Project management', 'Client meetings'].includes(n))) return TAG_IDS.meeting;
  return TAG_IDS.development;
}

/** Trackable leaf tasks under a top-level client task. */
function leavesUnder(state: AccountData, clientName: string): number[] {
  const client = [...state.tasks.values()].find((t) => t.level === 1 && t.name === clientName);
  if (!client) return [];
  const underClient = (taskId: number) => {
    for (let t = state.tasks.get(taskId); t; t = state.tasks.get(t.parent_id)) if (t.task_id === client.task_id) return true;
    return false;
  };
  return [...state.tasks.values()]
    .filter((t) => t.level === 4 && !t.archived && t.external_task_id === null && underClient(t.task_id))
    .map((t) => t.task_id);
}

export interface SeededWeek {
  invoicedEntryId: number;
  lockedEntryId: number;
  invoiceId: number;
  /** The demo user's entries of the last working day before today, and of today. */
  recentDemoEntries: Entry[];
}

export function addWeek(state: AccountData, clock: SandboxClock, landmarks: Record<LandmarkKey, number>): SeededWeek {
  const today = clock.localDate();
  const nowSeconds = parseTimeOfDay(clock.localTime()) ?? 0;
  const rng = new Random(20240607);

  const demoPool = [
    landmarks.githubIssue,
    landmarks.githubPr,
    landmarks.jiraIssue,
    landmarks.gitlabIssue,
    landmarks.redmineIssue,
    landmarks.trelloCard,
    landmarks.asanaTask,
    landmarks.entityName,
    landmarks.internalMeetings,
  ];
  const notes: Partial<Record<number, string>> = {
    [landmarks.githubIssue]: '#12 Fix login redirect',
    [landmarks.githubPr]: '#40 Dark mode toggle',
    [landmarks.jiraIssue]: 'PROJ-7 Export fails',
    [landmarks.gitlabIssue]: '#5 Crash on start',
    [landmarks.redmineIssue]: '#123 Password reset email',
    [landmarks.internalMeetings]: 'Weekly sync',
  };
  const people = [
    { userId: USER_IDS.demo, pool: demoPool },
    { userId: USER_IDS.marta, pool: [...leavesUnder(state, 'Globex Retail'), ...leavesUnder(state, 'Contoso Health')] },
    { userId: USER_IDS.jan, pool: [...leavesUnder(state, 'Globex Retail'), landmarks.internalMeetings] },
  ];
  // Jan's timer has been running for 35 minutes; his day stops before it.
  const janTimerStart = clock.now() - 35 * MIN * 1000;

  const workDays = [-6, -5, -4, -3, -2, -1, 0]
    .map((offset) => addDays(today, offset))
    .filter((date) => date === today || (weekday(date) >= 1 && weekday(date) <= 5));
  const lastWorkDayBeforeToday = workDays.filter((d) => d !== today).at(-1);
  const demoEntriesByDay = new Map<string, Entry[]>();

  for (const date of workDays) {
    for (const person of people) {
      let blocks = planDay(rng, person.pool);
      if (date === today) {
        const until = person.userId === USER_IDS.jan ? nowSeconds - 40 * MIN : nowSeconds;
        blocks = clipToNow(blocks, until, person.pool[0] as number);
      }
      const entries = blocks.map((b): Entry => ({
        id: nextId(state, 'entry'),
        user_id: person.userId,
        task_id: b.taskId,
        date,
        start_time: formatTimeOfDay(b.start),
        end_time: formatTimeOfDay(b.end),
        duration: b.end - b.start,
        description: notes[b.taskId] ?? rng.pick(EVERYDAY_NOTES),
        billable: state.tasks.get(b.taskId)?.billable ?? false,
        invoiceId: 0,
        locked: false,
        last_modify: `${date} ${formatTimeOfDay(b.end + 30)}`,
        tagIds: [tagFor(state, b.taskId)],
      }));
      for (const entry of entries) state.entries.set(entry.id, entry);
      if (person.userId === USER_IDS.demo) demoEntriesByDay.set(date, entries);
      addAttendance(state, person.userId, date, blocks, date === today ? nowSeconds : 24 * HOUR, today);
    }
  }

  const firstDay = demoEntriesByDay.get(workDays[0] as string) ?? [];
  const [invoiced, locked] = firstDay;
  if (!invoiced || !locked) throw new Error('the first seeded day needs two entries');
  Object.assign(invoiced, { task_id: landmarks.githubIssue, description: '#12 Fix login redirect', billable: true });
  locked.locked = true;

  const invoiceId = nextId(state, 'invoice');
  invoiced.invoiceId = invoiceId;
  state.invoices.set(invoiceId, {
    invoiceId,
    clientId: CLIENT_IDS.acme,
    invoiceNumber: `ACME-${today.slice(0, 4)}-${today.slice(5, 7)}`,
    description: 'Hello World app: sprint work',
    issueDate: addDays(today, -1),
    dueDate: addDays(today, 13),
    editDate: `${addDays(today, -1)} 16:20:00`,
    status: 1,
    addDate: `${addDays(today, -1)} 16:05:00`,
    paidDate: '0000-00-00 00:00:00',
    noteToClient: 'Thank you for your business.',
    poNumber: 'PO-4471',
    userId: USER_IDS.demo,
    currencyId: 1,
    unitCost: 120,
    publicHash: '91ff5eea64bf001b003d3552119db97b95948aa2',
    entryIds: [invoiced.id],
  });

  addManualChanges(state, demoEntriesByDay, workDays, today);
  startJansTimer(state, clock, janTimerStart, people[2]?.pool[0] as number);

  const recentDemoEntries = [
    ...(lastWorkDayBeforeToday ? (demoEntriesByDay.get(lastWorkDayBeforeToday) ?? []) : []),
    ...(demoEntriesByDay.get(today) ?? []),
  ];
  return { invoicedEntryId: invoiced.id, lockedEntryId: locked.id, invoiceId, recentDemoEntries };
}

function addAttendance(state: AccountData, userId: number, date: string, blocks: Block[], nowSeconds: number, today: string) {
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) return;
  const start = Math.max(0, first.start - 7 * MIN);
  const end = Math.min(nowSeconds, last.end + 4 * MIN);
  const hadLunch = end > LUNCH.end && start < LUNCH.start;
  if (hadLunch) {
    state.awayTimes.push({
      away_time_id: nextId(state, 'awayTime'),
      user_id: userId,
      start_time: `${date} ${formatTimeOfDay(LUNCH.start)}`,
      end_time: `${date} ${formatTimeOfDay(LUNCH.end)}`,
      description: 'Lunch',
    });
  }
  state.attendance.push({
    user_id: userId,
    date,
    start_time: formatTimeOfDay(start),
    end_time: formatTimeOfDay(end),
    total_time: end - start - (hadLunch ? LUNCH.end - LUNCH.start : 0),
    approved: date <= addDays(today, -3),
  });
}

/** Two edits the demo user made by hand, for entries_changes. */
function addManualChanges(state: AccountData, byDay: Map<string, Entry[]>, workDays: string[], today: string) {
  const pastDays = workDays.filter((d) => d !== today);
  const edited = byDay.get(pastDays.at(-1) ?? '')?.[0];
  if (edited) {
    state.entryChanges.push({
      event_type: 'edit',
      edited: `${edited.date} 17:40:00`,
      old_time_span: Math.max(0, edited.duration - 15 * MIN),
      new_time_span: edited.duration,
      entry: { ...edited, tagIds: [...edited.tagIds] },
    });
  }
  const added = byDay.get(pastDays.at(-2) ?? '')?.at(-1);
  if (added) {
    state.entryChanges.push({
      event_type: 'add',
      edited: `${added.date} 18:05:00`,
      old_time_span: 0,
      new_time_span: added.duration,
      entry: { ...added, tagIds: [...added.tagIds] },
    });
  }
  state.entryChanges.sort((a, b) => a.edited.localeCompare(b.edited));
}

function startJansTimer(state: AccountData, clock: SandboxClock, startedAt: number, taskId: number) {
  const entryId = nextId(state, 'entry');
  state.entries.set(entryId, {
    id: entryId,
    user_id: USER_IDS.jan,
    task_id: taskId,
    date: clock.localDate(startedAt),
    start_time: clock.localTime(startedAt),
    end_time: clock.localTime(startedAt),
    duration: 0,
    description: 'Release planning',
    billable: true,
    invoiceId: 0,
    locked: false,
    last_modify: clock.localDateTime(startedAt),
    tagIds: [TAG_IDS.meeting],
  });
  const timerId = nextId(state, 'timer');
  state.timers.set(USER_IDS.jan, {
    timer_id: timerId,
    user_id: USER_IDS.jan,
    task_id: taskId,
    started_at: startedAt,
    entry_id: entryId,
  });
}
