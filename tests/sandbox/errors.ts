/**
 * A refusal the way TimeCamp words it. `body` is what the server sends: `{message}` unless the
 * spec documents something else (an empty body, or `[]` for some 403s).
 */
export class ApiError extends Error {
  readonly body: unknown;

  constructor(
    readonly status: number,
    message: string,
    body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.body = body === undefined ? { message } : body;
  }

  /** A refusal with no body at all (e.g. PUT tasks on a missing task). */
  static empty(status: number, reason: string): ApiError {
    return new ApiError(status, reason, null);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const forbidden = (message: string): ApiError => new ApiError(403, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);
