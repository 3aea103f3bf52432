import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind } from '@/lib/api';
import { useSandbox } from './use-sandbox';

const env = useSandbox();

/** The ApiError a call ends in (fails the test if it succeeds). */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

const apiRequests = () => env.sandbox.requests.filter((request) => request.method !== 'OPTIONS');

describe('how the client talks to TimeCamp', () => {
  it('sends the token in the Authorization header only and always asks for JSON', async () => {
    await env.client().users.me();

    const [request] = apiRequests();
    expect(request!.tokenSource).toBe('bearer');
    expect(request!.headers.authorization).toBe(`Bearer ${env.sandbox.token}`);
    expect(request!.format).toBe('json');
    expect(`${request!.path}?${new URLSearchParams(request!.query as Record<string, string>)}`).not.toContain(env.sandbox.token);
  });

  it('form-encodes bodies, with PHP bracket arrays for lists of records', async () => {
    const date = env.sandbox.clock.localDate();
    await env.client().activities.add([
      { applicationName: 'Internet', websiteDomain: 'github.com', windowTitle: 'Fix login redirect', startTime: `${date} 08:00:00`, endTime: `${date} 08:10:00` },
    ]);

    const [request] = apiRequests();
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // Read the way PHP reads it: `computer_activities[0][...]` is a map with key "0".
    expect(request!.body).toMatchObject({
      computer_activities: { 0: { application_name: 'Internet', website_domain: 'github.com', window_title: 'Fix login redirect' } },
    });
  });
});

describe('errors the client reports', () => {
  const kinds: [ApiErrorKind, number][] = [
    ['auth', 401],
    ['forbidden', 403],
    ['not-found', 404],
    ['bad-request', 400],
    ['rate-limited', 429],
    ['server', 500],
    ['server', 503],
  ];
  it.each(kinds)('names a %s error for status %i, with the server\'s message', async (kind, status) => {
    env.sandbox.faults.failNext(1, status, { message: 'said by the server' });

    const error = await failure(env.client().timer.start({ taskId: env.sandbox.demo.tasks.internalMeetings }));
    expect(error).toMatchObject({ kind, status, details: { serverMessage: 'said by the server' } });
    expect(error.message).toContain('said by the server');
  });

  it('reports a wrong token as auth', async () => {
    const error = await failure(env.client({ token: 'wrong-token' }).users.me());
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('reports a task the user may not track to as forbidden, in TimeCamp\'s words', async () => {
    const error = await failure(env.client().timer.start({ taskId: env.sandbox.demo.tasks.notTrackableLeaf }));
    expect(error.kind).toBe('forbidden');
    expect(error.details.serverMessage).toBe('You cannot track time to this task');
  });

  it('reports a missing task as not-found', async () => {
    expect((await failure(env.client().tasks.get(1))).kind).toBe('not-found');
  });

  it('carries Retry-After on a rate-limited write and sends it only once', async () => {
    env.sandbox.faults.failNext(1, 429, { retryAfter: 7 });

    const error = await failure(env.client().entries.add({ date: env.sandbox.clock.localDate(), durationSeconds: 600 }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000, transient: true });
    expect(apiRequests()).toHaveLength(1);
  });

  it('reports a refused connection as network', async () => {
    await env.sandbox.faults.offline(true);
    const error = await failure(env.client({ retry: { attempts: 1 } }).users.me());
    expect(error.kind).toBe('network');
  });

  it('reports a connection closed without an answer as network', async () => {
    env.sandbox.faults.dropNext(1);
    expect((await failure(env.client().timer.stop())).kind).toBe('network');
  });

  it('gives up on a slow server as timeout', async () => {
    env.sandbox.faults.latency(400);
    const error = await failure(env.client({ timeoutMs: 50, retry: { attempts: 1 } }).users.me());
    expect(error.kind).toBe('timeout');
  });

  it.each([
    ['html', /HTML page/],
    ['xml', /XML/],
    ['truncated-json', /not valid JSON/],
    ['wrong-shape', /unexpected shape/],
  ] as const)('reports a %s answer as malformed', async (kind, message) => {
    env.sandbox.faults.malformNext(1, kind);

    const error = await failure(env.client().tasks.list());
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(message);
  });

  it('reports a JSON answer with wrong field types as malformed, naming the field', async () => {
    const meetings = env.sandbox.state.tasks.get(env.sandbox.demo.tasks.internalMeetings)!;
    (meetings as unknown as Record<string, unknown>).level = 'deep';

    const error = await failure(env.client().tasks.get(meetings.task_id));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('level');
  });
});

describe('writes answered in another shape', () => {
  it('takes a 2xx answer to a write as done, whatever its body, and leaves learning the ids to the caller', async () => {
    const { entries } = env.client();
    env.sandbox.faults.malformNext(1, 'other-shape');

    const added = await entries.add({ date: '2026-11-27', durationSeconds: 600, note: 'Call' });

    expect(added).toBeNull();
    expect([...env.sandbox.state.entries.values()].filter((entry) => entry.description === 'Call')).toHaveLength(1);
  });

  it('still calls a write answered with a page that is not JSON malformed: a proxy may have answered for TimeCamp', async () => {
    env.sandbox.faults.malformNext(1, 'html');
    const error = await failure(env.client().entries.add({ date: '2026-11-27', durationSeconds: 600, note: 'Call' }));
    expect(error.kind).toBe('malformed');
  });

  it.each([
    [401, 'auth'],
    [403, 'forbidden'],
    [503, 'server'],
  ] as const)("reads the founding document's error body {message, code: %i} under a 200 as that error", async (code, kind) => {
    env.sandbox.faults.malformNext(1, 'error-in-ok', { code, message: 'Said with a 200' });
    const error = await failure(env.client().timer.start({ taskId: env.sandbox.demo.tasks.githubIssue }));
    expect(error).toMatchObject({ kind, details: { serverMessage: 'Said with a 200' } });
    expect(env.sandbox.state.timers.get(env.sandbox.demo.userId)).toBeUndefined();
  });
});

describe('retries', () => {
  it('retries a read through server errors, waiting with jittered backoff', async () => {
    const waits: number[] = [];
    env.sandbox.faults.failNext(2, 503);

    const me = await env.client({ sleep: async (ms) => void waits.push(ms), retry: { baseDelayMs: 100, maxDelayMs: 1000 } }).users.me();
    expect(me.email).toBe(env.sandbox.users.find((user) => user.token === env.sandbox.token)!.email);
    expect(apiRequests()).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('waits as long as Retry-After says before reading again', async () => {
    const waits: number[] = [];
    env.sandbox.faults.failNext(1, 429, { retryAfter: 2 });

    await env.client({ sleep: async (ms) => void waits.push(ms) }).tasks.list();
    expect(waits).toEqual([2000]);
  });

  it('retries a read after a dropped connection', async () => {
    env.sandbox.faults.dropNext(1);
    await expect(env.client().users.list()).resolves.toHaveLength(env.sandbox.users.length);
  });

  it('stops retrying after the last attempt and reports the last error', async () => {
    env.sandbox.faults.failNext(5, 500);

    expect((await failure(env.client({ retry: { attempts: 3 } }).users.me())).kind).toBe('server');
    expect(apiRequests()).toHaveLength(3);
  });

  it('never retries a write, and a failed write changes nothing', async () => {
    const before = env.sandbox.state.entries.size;
    env.sandbox.faults.failNext(1, 503);

    await failure(env.client().entries.add({ date: env.sandbox.clock.localDate(), durationSeconds: 900 }));
    expect(apiRequests()).toHaveLength(1);
    expect(env.sandbox.state.entries.size).toBe(before);
  });

  it('does not retry errors that will not go away', async () => {
    await failure(env.client({ token: 'wrong-token' }).users.me());
    expect(apiRequests()).toHaveLength(1);
  });
});
