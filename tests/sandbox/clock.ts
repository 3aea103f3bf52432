import {
  formatLocalDate,
  formatLocalDateTime,
  formatLocalTime,
  parseLocalDateTime,
} from './zone.ts';

/**
 * The sandbox's notion of "now", in the account's zone. It wraps the caller's clock so that
 * tests (and the control endpoint) can move time without owning the underlying clock.
 */
export class SandboxClock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(
    private readonly base: () => number,
    readonly timeZone: string,
  ) {}

  now(): number {
    return this.frozenAt ?? this.base() + this.offsetMs;
  }

  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  set(epochMs: number): void {
    if (this.frozenAt !== null) this.frozenAt = epochMs;
    else this.offsetMs = epochMs - this.base();
  }

  /** A frozen clock makes elapsed times exact for tests driven from another process. */
  freeze(on: boolean): void {
    if (on && this.frozenAt === null) this.frozenAt = this.now();
    if (!on && this.frozenAt !== null) {
      this.offsetMs = this.frozenAt - this.base();
      this.frozenAt = null;
    }
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }

  localDateTime(ms = this.now()): string {
    return formatLocalDateTime(ms, this.timeZone);
  }

  localDate(ms = this.now()): string {
    return formatLocalDate(ms, this.timeZone);
  }

  localTime(ms = this.now()): string {
    return formatLocalTime(ms, this.timeZone);
  }

  /** Epoch ms of a local 'YYYY-MM-DD HH:MM:SS', or undefined when it does not parse. */
  parseLocal(text: string): number | undefined {
    return parseLocalDateTime(text, this.timeZone);
  }
}
