// Injected failures. Each API request (preflights excepted) consumes at most one queued fault,
// checked in this order: drop, fail, malform. Latency applies to every answer, faults included.
import { STATUS_CODES } from 'node:http';
import { toJson, type Reply } from './respond.ts';
import { toXml } from './xml.ts';

export type MalformKind = 'html' | 'truncated-json' | 'xml' | 'wrong-shape' | 'other-shape' | 'error-in-ok';
export const MALFORM_KINDS: readonly MalformKind[] = [
  'html',
  'truncated-json',
  'xml',
  'wrong-shape',
  'other-shape',
  'error-in-ok',
];

/** Kinds that stand in for the request: it never reaches the API, so nothing is applied. */
export const UNAPPLIED_MALFORM_KINDS: readonly MalformKind[] = ['html', 'error-in-ok'];

export interface FailOptions {
  /** Seconds for Retry-After. A 429 gets 1 unless told otherwise; null sends no header. */
  retryAfter?: number | null;
  message?: string;
}

export interface MalformOptions {
  /** `error-in-ok` only: the `code` in the error body (default 401). */
  code?: number;
  /** `error-in-ok` only: the `message` in the error body (default the HTTP reason phrase of `code`). */
  message?: string;
}

/** The founding document's error body, which `error-in-ok` sends with a 200. */
export interface ErrorBody {
  message: string;
  code: number;
}

export type Fault =
  | { kind: 'drop'; afterApply: boolean }
  | { kind: 'fail'; status: number; retryAfter: number | null; message: string }
  | { kind: 'malform'; malform: MalformKind; error: ErrorBody | null };

export interface FaultStatus {
  latencyMs: number;
  offline: boolean;
  drop: { remaining: number; afterApply: boolean };
  fail: { remaining: number; status: number; retryAfter: number | null; message: string };
  malform: { remaining: number; kind: MalformKind; error: ErrorBody | null };
}

export class FaultQueue {
  latencyMs = 0;
  private drop = { remaining: 0, afterApply: false };
  private fail = { remaining: 0, status: 503, retryAfter: null as number | null, message: '' };
  private malform = { remaining: 0, kind: 'html' as MalformKind, error: null as ErrorBody | null };

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be a non-negative number of ms');
    this.latencyMs = ms;
  }

  dropNext(n: number, afterApply = false): void {
    this.drop = { remaining: count(n), afterApply };
  }

  failNext(n: number, status: number, options: FailOptions = {}): void {
    if (!Number.isInteger(status) || status < 100 || status > 599) throw new RangeError(`not an HTTP status: ${status}`);
    const retryAfter = options.retryAfter === undefined ? (status === 429 ? 1 : null) : options.retryAfter;
    const message = options.message ?? STATUS_CODES[status] ?? 'Error';
    this.fail = { remaining: count(n), status, retryAfter, message };
  }

  malformNext(n: number, kind: MalformKind, options: MalformOptions = {}): void {
    if (!MALFORM_KINDS.includes(kind)) throw new RangeError(`unknown malform kind: ${String(kind)}`);
    let error: ErrorBody | null = null;
    if (kind === 'error-in-ok') {
      const code = options.code ?? 401;
      if (!Number.isInteger(code)) throw new RangeError(`code must be an integer, not ${code}`);
      error = { message: options.message ?? STATUS_CODES[code] ?? 'Error', code };
    } else if (options.code !== undefined || options.message !== undefined) {
      throw new RangeError('code and message apply to error-in-ok only');
    }
    this.malform = { remaining: count(n), kind, error };
  }

  /** The fault this request meets, if any; consuming it. */
  take(): Fault | null {
    if (this.drop.remaining > 0) {
      this.drop.remaining -= 1;
      return { kind: 'drop', afterApply: this.drop.afterApply };
    }
    if (this.fail.remaining > 0) {
      this.fail.remaining -= 1;
      const { status, retryAfter, message } = this.fail;
      return { kind: 'fail', status, retryAfter, message };
    }
    if (this.malform.remaining > 0) {
      this.malform.remaining -= 1;
      return { kind: 'malform', malform: this.malform.kind, error: this.malform.error };
    }
    return null;
  }

  clear(): void {
    this.latencyMs = 0;
    this.drop = { remaining: 0, afterApply: false };
    this.fail = { remaining: 0, status: 503, retryAfter: null, message: '' };
    this.malform = { remaining: 0, kind: 'html', error: null };
  }

  status(offline: boolean): FaultStatus {
    const malform = { ...this.malform, error: this.malform.error && { ...this.malform.error } };
    return { latencyMs: this.latencyMs, offline, drop: { ...this.drop }, fail: { ...this.fail }, malform };
  }
}

function count(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  return n;
}

export function failureReply(fault: Extract<Fault, { kind: 'fail' }>): Reply {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== null) headers['Retry-After'] = String(fault.retryAfter);
  return { status: fault.status, body: { message: fault.message }, headers };
}

const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>502 Bad Gateway</title></head>
<body>
<h1>Bad Gateway</h1>
<p>The server returned an invalid or incomplete response. Please try again in a few minutes.</p>
<hr><address>nginx</address>
</body>
</html>
`;

/**
 * Valid JSON that is not the operation's shape, as an older or newer server generation might
 * answer: an empty object where an object with fields was due, else a bare acknowledgement.
 */
function otherShape(body: unknown): unknown {
  const hasFields = typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length > 0;
  return hasFields ? {} : { message: 'OK' };
}

/**
 * The odd 200 that replaces an answer. `html` (a proxy or captive portal page) and `error-in-ok`
 * (a refusal whose only sign is the founding document's `{message, code}` body) stand for a
 * request that was not applied; the other kinds alter the API's real answer after it was made.
 */
export function malformedBody(
  fault: Extract<Fault, { kind: 'malform' }>,
  real: Reply,
): { contentType: string; text: string } {
  const body = real.body ?? {};
  const asJson = (value: unknown) => ({ contentType: 'application/json; charset=utf-8', text: toJson(value) });
  switch (fault.malform) {
    case 'html':
      return { contentType: 'text/html; charset=utf-8', text: HTML_ERROR_PAGE };
    case 'xml':
      return { contentType: 'application/xml; charset=utf-8', text: toXml(body) };
    case 'truncated-json': {
      const json = toJson(body);
      return { contentType: 'application/json; charset=utf-8', text: json.slice(0, Math.max(1, Math.floor(json.length / 2))) };
    }
    case 'wrong-shape':
      // Valid JSON of the wrong kind: a list where an object was due and the other way round.
      return asJson(Array.isArray(body) ? { result: 'ok', items: 'unavailable' } : ['unexpected', 42, null]);
    case 'other-shape':
      return asJson(otherShape(real.body));
    case 'error-in-ok':
      return asJson(fault.error);
  }
}
