// TimeCamp's datetimes are wall-clock time in the account's zone, written
// `YYYY-MM-DD HH:MM:SS` with no offset. The account's zone need not be the
// browser's, so every conversion here takes the account's offset from UTC
// (minutes, as derived from the server's own answers) instead of trusting the
// local clock's zone.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Moment (epoch ms) to the API's local datetime in a zone `offsetMinutes` east of UTC. */
export function formatApiDateTime(epochMs: number, offsetMinutes: number): string {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** Moment (epoch ms) to the API's `YYYY-MM-DD` for that day in the account's zone. */
export function formatApiDate(epochMs: number, offsetMinutes: number): string {
  return formatApiDateTime(epochMs, offsetMinutes).slice(0, 10);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The API's local datetime (or date) in a zone `offsetMinutes` east of UTC to epoch ms; null when unreadable. */
export function parseApiDateTime(value: string, offsetMinutes: number): number | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = m;
  const asUtc = Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second);
  // Date.UTC rolls 2024-02-31 over into March; a real API value never does.
  if (new Date(asUtc).getUTCDate() !== +day!) return null;
  return asUtc - offsetMinutes * 60_000;
}

/**
 * The account zone's offset from UTC in minutes, as seen from a local datetime
 * the server reported for a moment we know (the timer's `start_time`, which is
 * now minus `elapsed`). Rounded to the quarter hour that every real zone uses,
 * which also absorbs the request's travel time.
 */
export function offsetFromServerTime(serverLocal: string, actualEpochMs: number): number | null {
  const asIfUtc = parseApiDateTime(serverLocal, 0);
  if (asIfUtc === null) return null;
  return Math.round((asIfUtc - actualEpochMs) / 900_000) * 15;
}

/** The browser's own offset east of UTC for a moment, the default until the server has told us its own. */
export function localOffsetMinutes(epochMs: number): number {
  return -new Date(epochMs).getTimezoneOffset();
}
