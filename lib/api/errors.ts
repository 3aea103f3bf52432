/** What went wrong, in the terms a caller acts on. */
export type ApiErrorKind =
  | 'auth' // the token is missing, wrong or revoked: ask the user to sign in again
  | 'forbidden' // signed in, but not allowed (for example a task the user may not track to)
  | 'not-found'
  | 'bad-request' // the server refused the parameters; sending it again will not help
  | 'rate-limited' // 429: wait `retryAfterMs` (or back off) and try again
  | 'server' // 5xx: try again later
  | 'network' // no answer at all: offline, refused, reset
  | 'timeout'
  | 'malformed'; // an answer that is not the JSON we expect (HTML page, XML, wrong shape)

/** Kinds worth sending the same request again for, later. */
const TRANSIENT: ReadonlySet<ApiErrorKind> = new Set(['rate-limited', 'server', 'network', 'timeout']);

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; serverMessage?: string } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }

  /** True when the same request may succeed later without the user doing anything. */
  get transient(): boolean {
    return TRANSIENT.has(this.kind);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

// TimeCamp answers a bad token with 401, and on some endpoints with 403 and a
// message about the token; other 403s are real permission refusals.
const TOKEN_PROBLEM = /token|unauthori[sz]ed|not logged|authenticat/i;

/** Maps an HTTP failure (status and the server's `{message}`, if any) to a typed error. */
export function errorForStatus(status: number, serverMessage: string | undefined, retryAfterMs?: number): ApiError {
  const details = { status, serverMessage, retryAfterMs };
  const said = serverMessage ? `: ${serverMessage}` : '';
  if (status === 401 || (status === 403 && serverMessage !== undefined && TOKEN_PROBLEM.test(serverMessage))) {
    return new ApiError('auth', `TimeCamp did not accept the API token${said}`, details);
  }
  if (status === 403) return new ApiError('forbidden', `TimeCamp refused this action${said}`, details);
  if (status === 404) return new ApiError('not-found', `TimeCamp found nothing there${said}`, details);
  if (status === 429) return new ApiError('rate-limited', `TimeCamp asks to slow down (too many requests)${said}`, details);
  if (status >= 500) return new ApiError('server', `TimeCamp had a server error (${status})${said}`, details);
  return new ApiError('bad-request', `TimeCamp refused the request (${status})${said}`, details);
}
