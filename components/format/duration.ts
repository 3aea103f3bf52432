/** How durations are shown: `1:30` or `1.50 h`. */
export type DurationFormat = 'hh:mm' | 'decimal';

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };
// `1h30m`, `1h 30`, `90m`, `1.5h`, `1,5 h`, `45min`, `30s`: number-unit pairs, each unit once, in h-m-s order.
const PAIR = /(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|godz|g|minutes?|mins?|m|seconds?|secs?|s)?\s*/gy;

function unitOf(word: string | undefined): string | null {
  if (word === undefined) return null;
  if (word === 'g' || word === 'godz' || word.startsWith('h')) return 'h';
  return word[0]!;
}

/**
 * What a person typed for a duration, in whole seconds; null when it is not one.
 * - `1:30` and `1:30:15`: hours and minutes (and seconds);
 * - `1h30m`, `1h 30`, `90m`, `1.5h`, `1,5h`, `30s`: numbers with units;
 * - `45`: a bare whole number is minutes. A bare fraction (`1.5`) is refused: hours or minutes would be a guess.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase();
  if (text === '') return null;

  const clock = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock) return +clock[1]! * 3600 + +clock[2]! * 60 + +(clock[3] ?? 0);

  if (/^\d+$/.test(text)) return +text * 60;

  let total = 0;
  let at = 0;
  let lastRank = -1;
  let previousUnit: string | null = null;
  PAIR.lastIndex = 0;
  while (at < text.length) {
    PAIR.lastIndex = at;
    const match = PAIR.exec(text);
    if (!match || match[0] === '') return null;
    at = PAIR.lastIndex;
    // A number without its own unit counts in the unit after the previous one (`1h 30` is 1h30m).
    const unit: string | null = unitOf(match[2]) ?? (previousUnit === 'h' ? 'm' : previousUnit === 'm' ? 's' : null);
    if (unit === null) return null;
    const rank = 'hms'.indexOf(unit);
    if (rank <= lastRank) return null; // `30m 1h` or `1h 2h`: not a duration anyone means
    lastRank = rank;
    previousUnit = unit;
    total += Number(match[1]!.replace(',', '.')) * UNIT_SECONDS[unit]!;
  }
  return Math.round(total);
}

/** `1:05` (hours:minutes, minutes rounded down) or `1.08 h`. Negative values read as zero. */
export function formatDuration(seconds: number, format: DurationFormat = 'hh:mm'): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (format === 'decimal') return `${(whole / 3600).toFixed(2)} h`;
  const minutes = Math.floor(whole / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A running timer's elapsed time, `0:00:07`, `1:23:45`, `26:00:00`. */
export function formatElapsed(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(whole / 3600)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}
