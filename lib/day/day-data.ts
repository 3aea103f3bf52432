// What the day view draws, as the background sends it: every time is in seconds since midnight of
// the shown day in the account's zone (TimeCamp's own wall clock), never the browser's.

/** A time entry placed on the shown day. */
export interface DayEntry {
  /** TimeCamp's id; negative for an entry that waits to be sent. */
  id: number;
  /** The queued action that makes a waiting entry (`editWaitingEntry` changes it there). */
  waitingId?: string;
  /** The entry's own date, `YYYY-MM-DD`: the day before the shown one for an entry that runs into it past midnight. */
  date: string;
  taskId: number | null;
  taskName: string;
  /** The task's colour (its own or its nearest ancestor's), `#rrggbb`, when it has one. */
  color: string | null;
  note: string;
  billable: boolean;
  locked: boolean;
  /** The running timer's entry: drawn up to now, and changed in the popup, not here. */
  running?: boolean;
  /**
   * Seconds from the shown day's midnight: below 0 when it began the day before, above 86,400 when
   * it ends the next day. Null for an entry TimeCamp holds as a duration only (no times).
   */
  start: number | null;
  end: number | null;
  durationSeconds: number;
}

/** When the user was at work, from TimeCamp's attendance. */
export interface DayAttendance {
  start: number | null;
  end: number | null;
  workedSeconds: number;
}

export interface DayAway {
  start: number;
  end: number;
  description: string;
}

/** A stretch of computer activity: a web site's domain, else the application's name. */
export interface DayActivity {
  start: number;
  end: number;
  site: string;
}

/** The sections that are extras: a server or plan without them still shows the day's entries. */
export type DaySection = 'attendance' | 'away' | 'activity';

export interface DayData {
  /** The shown day, `YYYY-MM-DD`, account time. */
  date: string;
  entries: DayEntry[];
  attendance: DayAttendance | null;
  away: DayAway[];
  activity: DayActivity[];
  /** Sections TimeCamp did not answer: shown as unavailable rather than empty. */
  unavailable: DaySection[];
}

/** Marked on the day view's performance timeline when a day's data arrives (`npm run bench` times the drawing from there). */
export const DAY_DATA_MARK = 'timecamp-day-data';
