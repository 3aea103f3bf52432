/** How times of day are shown: `14:05` or `2:05 PM`. */
export type TimeFormat = '24h' | '12h';

const DAY_SECONDS = 86_400;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time of day as a person types it, in seconds since midnight; null when it is not one.
 * `9`, `09`, `9:05`, `9.05`, `905`, `0905`, `9:05:30`, `9am`, `9:05 pm`, `12am` (midnight), `12 pm` (noon).
 */
export function parseTimeOfDay(input: string): number | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?:[:.](\d{2}))? ?(am|pm|a|p)?\.?$/.exec(text);
  if (!m) return null;
  let hours = +m[1]!;
  const minutes = +(m[2] ?? 0);
  const seconds = +(m[3] ?? 0);
  const meridiem = m[4]?.[0];
  if (minutes > 59 || seconds > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  return hours * 3600 + minutes * 60 + seconds;
}

/** Seconds since midnight as TimeCamp's `HH:MM:SS`. */
export function toApiTime(seconds: number): string {
  const s = ((Math.floor(seconds) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** The time of day in an API value (`HH:MM[:SS]` or `YYYY-MM-DD HH:MM:SS`), in seconds since midnight; null when absent. */
export function secondsOfApiTime(value: string | null | undefined): number | null {
  const m = value ? /(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim()) : null;
  return m ? +m[1]! * 3600 + +m[2]! * 60 + +(m[3] ?? 0) : null;
}

/** Seconds since midnight for people: `09:05` or `9:05 AM`. */
export function formatTimeOfDay(seconds: number, format: TimeFormat = '24h'): string {
  const s = ((Math.floor(seconds) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
  const hours = Math.floor(s / 3600);
  const minutes = pad(Math.floor(s / 60) % 60);
  if (format === '24h') return `${pad(hours)}:${minutes}`;
  return `${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** A moment (epoch ms) as a time of day in a zone `offsetMinutes` east of UTC. */
export function formatMoment(epochMs: number, offsetMinutes: number, format: TimeFormat = '24h'): string {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  return formatTimeOfDay(d.getUTCHours() * 3600 + d.getUTCMinutes() * 60, format);
}
