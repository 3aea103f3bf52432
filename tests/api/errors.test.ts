import { describe, expect, it } from 'vitest';
import { ApiError, isApiError } from '@/lib/api';
import { errorForStatus } from '@/lib/api/errors';
import { useSandbox } from './use-sandbox';

const env = useSandbox();

describe('what an error status means', () => {
  it("takes a 403 that blames the token as a sign-in problem, in TimeCamp's words", async () => {
    env.sandbox.faults.failNext(1, 403, { message: 'Invalid API token' });

    const error = await env.client().users.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 403, details: { serverMessage: 'Invalid API token' } });
  });

  it('keeps other statuses that mention a token what they are', () => {
    expect(errorForStatus(400, 'The token parameter is not allowed here').kind).toBe('bad-request');
    expect(errorForStatus(404, 'No such token').kind).toBe('not-found');
    expect(errorForStatus(403, 'You cannot track time to this task').kind).toBe('forbidden');
    expect(errorForStatus(403, undefined).kind).toBe('forbidden');
  });

  it('says only what it knows when the server said nothing', () => {
    expect(errorForStatus(403, undefined).message).toBe('TimeCamp refused this action');
    expect(errorForStatus(404, undefined).message).toBe('TimeCamp found nothing there');
    expect(errorForStatus(502, undefined).message).toBe('TimeCamp had a server error (502)');
  });

  it('is an ApiError by name and by type, which other errors are not', () => {
    const error = errorForStatus(500, 'Oops');
    expect(error.name).toBe('ApiError');
    expect(String(error)).toBe('ApiError: TimeCamp had a server error (500): Oops');
    expect(isApiError(error)).toBe(true);
    expect(isApiError(new Error('TimeCamp had a server error (500)'))).toBe(false);
    expect(isApiError({ kind: 'server', message: 'Oops' })).toBe(false);
    expect(error).toBeInstanceOf(ApiError);
  });
});
