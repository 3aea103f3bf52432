import * as v from 'valibot';
import { ApiError, errorForStatus } from './errors';
import { encodeForm, type FormValue } from './form';

export const DEFAULT_BASE_URL = 'https://app.timecamp.com/third_party/api';

export type Params = Record<string, FormValue>;

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface TransportOptions {
  token: string;
  /** TimeCamp's `third_party/api` root; a company's own domain or the sandbox differ. */
  baseUrl?: string;
  timeoutMs?: number;
  /** How idempotent reads are retried; writes never are (the offline queue owns that). */
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface Transport {
  /**
   * A request that changes nothing, retried with backoff on transient failures.
   * Usually a GET; TimeCamp also has reads that are POSTs (timer status).
   */
  read<S extends v.GenericSchema>(path: string, params: Params, schema: S, method?: 'GET' | 'POST'): Promise<v.InferOutput<S>>;
  /**
   * POST, PUT or DELETE with a form body, sent once. A 2xx answer means it
   * happened: JSON of another shape than `schema` gives null (learn what is
   * needed another way), never an error. An answer that is not JSON at all (a
   * proxy's page) may not be TimeCamp's and is `malformed`.
   */
  write<S extends v.GenericSchema>(method: 'POST' | 'PUT' | 'DELETE', path: string, params: Params, schema: S): Promise<v.InferOutput<S> | null>;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 400, maxDelayMs: 8_000 };
/** A Retry-After longer than this is not waited out inside one call; the caller reschedules. */
const LONGEST_INLINE_WAIT_MS = 30_000;

/** This computer: 127.0.0.0/8, `localhost` and `[::1]` (as the URL parser writes them). */
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;

/**
 * Trims and checks a server URL a user typed; throws a readable error when it cannot be a TimeCamp
 * API root. The token goes with every request, so the server must be on `https://`; plain
 * `http://` is accepted for this computer only (the sandbox, a local proxy), never across a network.
 */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ApiError('bad-request', `"${raw}" is not a web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError('bad-request', `"${raw}" is not an http(s) address`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new ApiError('bad-request', `"${raw}" is not encrypted, and your API token would travel in the clear: use the server's https:// address`);
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** Seconds or an HTTP date, as Retry-After may be written; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function describeNonJson(body: string, contentType: string | null): string {
  const start = body.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || contentType?.includes('html')) {
    return 'an HTML page instead of data (is the server URL right?)';
  }
  if (start.startsWith('<')) return 'XML instead of JSON';
  return 'a reply that is not valid JSON';
}

function parseJson(body: string, contentType: string | null): unknown {
  if (body.trim() === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    throw new ApiError('malformed', `TimeCamp sent ${describeNonJson(body, contentType)}`);
  }
}

/**
 * The founding document's error body, `{"message": "...", "code": 401}`, which
 * some server generations send with a 2xx status: an error of that code.
 */
function errorInBody(data: unknown): ApiError | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const { message, code } = data as { message?: unknown; code?: unknown };
  const status = typeof code === 'number' ? code : typeof code === 'string' && /^\d{3}$/.test(code) ? Number(code) : NaN;
  if (!(status >= 400 && status < 600) || typeof message !== 'string') return null;
  return errorForStatus(status, message.trim() || undefined);
}

function validate<S extends v.GenericSchema>(data: unknown, schema: S): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = deepestIssue(result.issues);
    const where = issue.path?.map((step) => String(step.key)).join('.') || 'the answer';
    throw new ApiError('malformed', `TimeCamp sent data of an unexpected shape (${where}: ${issue.message})`);
  }
  return result.output;
}

/** The most specific problem: a union reports its own failure with each branch's issues nested inside. */
function deepestIssue(issues: readonly v.BaseIssue<unknown>[]): v.BaseIssue<unknown> {
  let best = issues[0]!;
  for (const issue of issues) {
    const candidate = issue.issues?.length ? deepestIssue(issue.issues) : issue;
    if ((candidate.path?.length ?? 0) > (best.path?.length ?? 0)) best = candidate;
  }
  return best;
}

function serverMessage(body: string): string | undefined {
  try {
    const data: unknown = JSON.parse(body);
    if (data && typeof data === 'object' && 'message' in data) {
      const message = (data as { message: unknown }).message;
      if (typeof message === 'string' && message.trim()) return message.trim();
      if (Array.isArray(message) && message.length) return message.map(String).join(' ');
    }
  } catch {
    // Not JSON: an HTML error page says nothing worth showing.
  }
  return undefined;
}

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;

  /** The answer's JSON; throws an `ApiError` for every failure, an error body under a 2xx included. */
  async function send(method: string, path: string, params: Params): Promise<unknown> {
    const url = new URL(`${baseUrl}/${path}`);
    const hasBody = method !== 'GET';
    // The token travels in the header only: URLs end up in logs and history.
    const query = new URLSearchParams(hasBody ? { format: 'json' } : encodeForm({ ...params, format: 'json' }));
    url.search = query.toString();
    const headers: Record<string, string> = { Authorization: `Bearer ${options.token}`, Accept: 'application/json' };
    if (hasBody) headers['Content-Type'] = 'application/x-www-form-urlencoded';

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(url.toString(), {
        method,
        headers,
        body: hasBody ? encodeForm(params) : undefined,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      const body = await response.text();
      if (!response.ok) {
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
        throw errorForStatus(response.status, serverMessage(body), retryAfterMs);
      }
      const data = parseJson(body, response.headers.get('Content-Type'));
      const refused = errorInBody(data);
      if (refused) throw refused;
      return data;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (controller.signal.aborted) {
        throw new ApiError('timeout', `TimeCamp did not answer within ${Math.round(timeoutMs / 1000)} s`);
      }
      throw new ApiError('network', `Could not reach TimeCamp at ${url.host} (${(error as Error).message || 'network error'})`);
    } finally {
      clearTimeout(timer);
    }
  }

  function backoff(attempt: number, error: ApiError): number | undefined {
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= LONGEST_INLINE_WAIT_MS ? error.retryAfterMs : undefined;
    }
    // "Full jitter": many clients that failed together do not retry together.
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    return Math.round(random() * ceiling);
  }

  return {
    async read(path, params, schema, method = 'GET') {
      for (let attempt = 0; ; attempt++) {
        try {
          return validate(await send(method, path, params), schema);
        } catch (error) {
          const apiError = error as ApiError;
          const delay = apiError.transient && attempt + 1 < retry.attempts ? backoff(attempt, apiError) : undefined;
          if (delay === undefined) throw apiError;
          await sleep(delay);
        }
      }
    },
    async write(method, path, params, schema) {
      const data = await send(method, path, params);
      const result = v.safeParse(schema, data);
      return result.success ? result.output : null;
    },
  };
}
