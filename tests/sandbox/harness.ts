// What the sandbox's own newer test files share: one sandbox per file on a clock the tests move,
// reset before each test, and requests spelled the way the spec documents them.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type Sandbox, startSandbox } from './index.ts';

// Wednesday 12 June 2024, 14:30 in Warsaw (UTC+2).
export const START = Date.UTC(2024, 5, 12, 12, 30, 0);
export const TODAY = '2024-06-12';

export type Row = Record<string, unknown>;
type Fields = Record<string, string | number>;

export interface SendOptions {
  token?: string;
  /** Send the fields as a JSON body (typed values) instead of a form. */
  json?: Record<string, unknown>;
}

export interface SandboxHarness {
  readonly sandbox: Sandbox;
  /** Moves the sandbox clock forward. */
  advance(ms: number): void;
  tokenOf(userId: number): string;
  /** GET `resource` with `format=json`, the query and the token as a Bearer header. */
  get(resource: string, query?: Fields, token?: string): Promise<Response>;
  /** `method` on `resource` with `format=json`, the fields as a form body (or `options.json` as JSON). */
  send(method: string, resource: string, fields?: Fields, options?: SendOptions): Promise<Response>;
}

export function useSandbox(): SandboxHarness {
  let sandbox: Sandbox | undefined;
  let now = START;
  const started = () => {
    if (!sandbox) throw new Error('the sandbox starts in beforeAll');
    return sandbox;
  };
  beforeAll(async () => {
    sandbox = await startSandbox({ now: () => now });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(() => {
    now = START;
    started().reset();
  });

  const url = (resource: string, query: Fields = {}) => {
    const params = new URLSearchParams({ format: 'json' });
    for (const [key, value] of Object.entries(query)) params.set(key, String(value));
    return `${started().url}/${resource}?${params}`;
  };
  const auth = (token?: string) => ({ Authorization: `Bearer ${token ?? started().token}` });

  return {
    get sandbox() {
      return started();
    },
    advance: (ms) => {
      now += ms;
    },
    tokenOf: (userId) => started().users.find((u) => u.user_id === userId)?.token as string,
    get: (resource, query, token) => fetch(url(resource, query), { headers: auth(token) }),
    send: (method, resource, fields = {}, options = {}) => {
      const body = options.json
        ? JSON.stringify(options.json)
        : new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
      const contentType = options.json ? 'application/json' : 'application/x-www-form-urlencoded';
      return fetch(url(resource), { method, headers: { ...auth(options.token), 'Content-Type': contentType }, body });
    },
  };
}

export async function json<T = Row>(response: Response): Promise<T> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}
