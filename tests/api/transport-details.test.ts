import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api';
import { createTransport, parseRetryAfter, type TransportOptions } from '@/lib/api/transport';

// Transport details the sandbox cannot easily produce (a body without a Content-Type, an HTTP-date
// Retry-After, a fetch that fails in a particular way), against a fake fetch.

const BASE = 'https://timecamp.example.com/third_party/api';

type Answer = { status?: number; body?: string; headers?: Record<string, string> };

/** A Response whose headers are exactly `headers` (a string body would add a text/plain Content-Type). */
function respond({ status = 200, body = '', headers = {} }: Answer): Response {
  return new Response(status === 204 ? null : new TextEncoder().encode(body), { status, headers });
}

function fakeFetch(...answers: Answer[]) {
  return vi.fn<typeof fetch>(async () => respond(answers.length > 1 ? answers.shift()! : answers[0]!));
}

function transport(fetch: typeof globalThis.fetch, options: Partial<TransportOptions> = {}) {
  return createTransport({ token: 'secret', baseUrl: BASE, fetch, sleep: () => Promise.resolve(), ...options });
}

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

const anything = v.unknown();

afterEach(() => {
  vi.useRealTimers();
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 10, 27, 9, 0, 0);

  it('reads seconds, and an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
  });

  it('waits no time for a date already past, and ignores what it cannot read', () => {
    expect(parseRetryAfter(new Date(now - 90_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('waits out a Retry-After of up to 30 s inside the read', async () => {
    const waits: number[] = [];
    const fetch = fakeFetch({ status: 429, headers: { 'Retry-After': '30' } }, { body: '{"ok":1}' });

    await expect(transport(fetch, { sleep: async (ms) => void waits.push(ms) }).read('me', {}, anything)).resolves.toEqual({ ok: 1 });
    expect(waits).toEqual([30_000]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('leaves a longer Retry-After to the caller: the read fails at once, carrying the wait', async () => {
    const sleep = vi.fn(() => Promise.resolve());
    const fetch = fakeFetch({ status: 429, headers: { 'Retry-After': '31' } }, { body: '{"ok":1}' });

    const error = await failure(transport(fetch, { sleep }).read('me', {}, anything));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 31_000 });
    expect(sleep).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('backoff without Retry-After', () => {
  it('doubles the ceiling with each attempt up to the maximum, and waits a random share of it', async () => {
    const waits: number[] = [];
    const fetch = fakeFetch({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { body: '[]' });

    await transport(fetch, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      retry: { attempts: 6, baseDelayMs: 100, maxDelayMs: 1000 },
    }).read('tasks', {}, anything);
    expect(waits).toEqual([50, 100, 200, 400, 500]);
  });

  it('waits with a real timer when no sleep is given', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch({ status: 503 }, { body: '{"ok":1}' });
    const read = createTransport({ token: 'secret', baseUrl: BASE, fetch, random: () => 0.5, retry: { baseDelayMs: 1000 } }).read('me', {}, anything);

    await vi.advanceTimersByTimeAsync(499);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(read).resolves.toEqual({ ok: 1 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('answers that are not JSON', () => {
  it.each([
    ['an uppercase doctype sent as text/plain', '<!DOCTYPE html><html><body>Sign in</body></html>', 'text/plain'],
    ['an <html> page sent as text/plain', '<html><body>Sign in</body></html>', 'text/plain'],
    ['a page after blank lines, sent without a type', '\n\n  <!doctype html>\n<html></html>', undefined],
    ['anything sent as text/html', 'Service unavailable', 'text/html; charset=UTF-8'],
  ])('calls %s an HTML page', async (_, body, type) => {
    const fetch = fakeFetch({ body, headers: type ? { 'Content-Type': type } : {} });
    const error = await failure(transport(fetch).read('tasks', {}, anything));
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe('TimeCamp sent an HTML page instead of data (is the server URL right?)');
  });

  it('calls other markup XML, and other text not valid JSON, even without a Content-Type', async () => {
    const xml = await failure(transport(fakeFetch({ body: '<?xml version="1.0"?><xml><html/></xml>' })).read('tasks', {}, anything));
    expect(xml).toMatchObject({ kind: 'malformed', message: 'TimeCamp sent XML instead of JSON' });

    const text = await failure(transport(fakeFetch({ body: 'Bad gateway' })).read('tasks', {}, anything));
    expect(text).toMatchObject({ kind: 'malformed', message: 'TimeCamp sent a reply that is not valid JSON' });
  });

  it('takes a 2xx whose body is only white space as an empty answer: the write happened', async () => {
    const fetch = fakeFetch({ body: ' \r\n', headers: { 'Content-Type': 'application/json' } });
    await expect(transport(fetch).write('PUT', 'entries', { id: 7, note: 'x' }, v.object({ id: v.number() }))).resolves.toBeNull();
  });
});

describe("the founding document's error body under a 2xx", () => {
  it('reads a code written as text, and trims the message', async () => {
    const fetch = fakeFetch({ body: '{"message": "  Maintenance \\n", "code": "503"}' });
    const error = await failure(transport(fetch, { retry: { attempts: 1 } }).read('me', {}, anything));
    expect(error).toMatchObject({ kind: 'server', status: 503, details: { serverMessage: 'Maintenance' } });
  });

  it.each([
    ['a code outside 400-599', { code: 600, message: 'Six hundred' }],
    ['a code that is not three digits', { code: ' 503', message: 'Spaced' }],
    ['a code with more after it', { code: '503 ', message: 'Spaced' }],
    ['a code without a message', { code: 404, id: 12 }],
    ['a success code', { code: 200, message: 'OK' }],
    ['a code in a list', { code: [503], message: 'Listed' }],
  ])('takes an answer with %s as data', async (_, answer) => {
    const fetch = fakeFetch({ body: JSON.stringify(answer) });
    await expect(transport(fetch).read('me', {}, anything)).resolves.toEqual(answer);
  });
});

describe('requests', () => {
  it('sends a read with its parameters in the query, asking for JSON, and nothing else', async () => {
    const fetch = fakeFetch({ body: '[]' });
    await transport(fetch).read('entries', { from: '2026-11-27', task_ids: '5,6' }, anything);

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`${BASE}/entries?from=2026-11-27&task_ids=5%2C6&format=json`);
    expect(init).toMatchObject({ method: 'GET', body: undefined, credentials: 'omit', cache: 'no-store' });
    expect(init!.headers).toEqual({ Authorization: 'Bearer secret', Accept: 'application/json' });
  });

  it('sends a write as a form body', async () => {
    const fetch = fakeFetch({ body: '{}' });
    await transport(fetch).write('PUT', 'entries', { id: 7, note: 'a&b' }, anything);

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`${BASE}/entries?format=json`);
    expect(init).toMatchObject({ method: 'PUT', body: 'id=7&note=a%26b' });
    expect(init!.headers).toEqual({ Authorization: 'Bearer secret', Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' });
  });
});

describe("the founding document's error body, at the edges", () => {
  it('reads code 400 as a refusal', async () => {
    const error = await failure(transport(fakeFetch({ body: '{"message": "Bad", "code": 400}' })).read('me', {}, anything));
    expect(error).toMatchObject({ kind: 'bad-request', status: 400 });
  });
});

describe('error statuses', () => {
  it("trims the server's message, and takes a blank one as none", async () => {
    const padded = await failure(transport(fakeFetch({ status: 400, body: '{"message": "  Name is required \\n"}' })).write('POST', 'tasks', {}, anything));
    expect(padded.details.serverMessage).toBe('Name is required');

    const blank = await failure(transport(fakeFetch({ status: 400, body: '{"message": "   "}' })).write('POST', 'tasks', {}, anything));
    expect(blank.details.serverMessage).toBeUndefined();
  });

  it('joins a message sent as a list', async () => {
    const fetch = fakeFetch({ status: 400, body: '{"message": ["Date is required.", "Duration is required."]}' });
    const error = await failure(transport(fetch).write('POST', 'entries', {}, anything));
    expect(error).toMatchObject({ kind: 'bad-request', details: { serverMessage: 'Date is required. Duration is required.' } });
  });

  it('takes an empty list as no message', async () => {
    const fetch = fakeFetch({ status: 400, body: '{"message": []}' });
    const error = await failure(transport(fetch).write('POST', 'entries', {}, anything));
    expect(error.details.serverMessage).toBeUndefined();
    expect(error.message).toBe('TimeCamp refused the request (400)');
  });
});

describe('answers of the wrong shape', () => {
  it('says when the whole answer is wrong', async () => {
    const error = await failure(transport(fakeFetch({ body: '"hello"' })).read('me', {}, v.object({ user_id: v.number() })));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/^TimeCamp sent data of an unexpected shape \(the answer: /);
  });

  it('names the deepest wrong field by its path, and the first of equally deep ones', async () => {
    const schema = v.object({ a: v.number(), user: v.object({ id: v.number(), group: v.number() }), z: v.number() });

    const deep = await failure(transport(fakeFetch({ body: '{"a": "x", "user": {"id": "x", "group": 1}, "z": "y"}' })).read('me', {}, schema));
    expect(deep.message).toMatch(/\(user\.id: /);

    const level = await failure(transport(fakeFetch({ body: '{"a": "x", "user": {"id": 1, "group": 2}, "z": "y"}' })).read('me', {}, schema));
    expect(level.message).toMatch(/\(a: /);
  });
});

describe('failures without an answer', () => {
  it('says how long it waited for a server that did not answer', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn<typeof globalThis.fetch>(
      (_, init) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const read = failure(transport(fetch, { timeoutMs: 2000, retry: { attempts: 1 } }).read('me', {}, anything));

    await vi.advanceTimersByTimeAsync(2000);
    expect(await read).toMatchObject({ kind: 'timeout', message: 'TimeCamp did not answer within 2 s' });
  });

  it("names the server and the browser's reason when it cannot be reached", async () => {
    const refused = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(transport(refused, { retry: { attempts: 1 } }).read('me', {}, anything))).toMatchObject({
      kind: 'network',
      message: 'Could not reach TimeCamp at timecamp.example.com (Failed to fetch)',
    });

    const silent = vi.fn<typeof fetch>(() => Promise.reject(new TypeError()));
    expect((await failure(transport(silent, { retry: { attempts: 1 } }).read('me', {}, anything))).message).toBe(
      'Could not reach TimeCamp at timecamp.example.com (network error)',
    );
  });

  it('leaves no timer running once an answer has come', async () => {
    vi.useFakeTimers();
    await transport(fakeFetch({ body: '{}' })).read('me', {}, anything);
    await failure(transport(fakeFetch({ status: 404 })).read('me', {}, anything));
    expect(vi.getTimerCount()).toBe(0);
  });
});
