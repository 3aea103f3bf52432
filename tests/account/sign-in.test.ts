import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signIn } from '@/lib/account/sign-in';
import { account, accountKeyOf, lastServerUrl } from '@/lib/storage/account';
import { startSandbox } from '../sandbox';
import { actionQueue, EMPTY_QUEUE } from '@/lib/storage/queue';
import { useSandbox } from '../api/use-sandbox';

const env = useSandbox();
const fast = { retry: { attempts: 1 } };

beforeEach(() => fakeBrowser.reset());

describe('signing in', () => {
  it('checks the token with TimeCamp, then remembers the account in local storage', async () => {
    const result = await signIn({ token: ` ${env.sandbox.token} `, serverUrl: `${env.sandbox.url}/` }, fast);

    const demo = env.sandbox.users.find((user) => user.token === env.sandbox.token)!;
    expect(result).toEqual({ ok: true, user: { userId: demo.user_id, email: demo.email, displayName: demo.display_name } });
    expect(await account.getValue()).toMatchObject({ token: env.sandbox.token, baseUrl: env.sandbox.url, user: { email: demo.email } });
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('explains a wrong token and keeps the account that was signed in', async () => {
    await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast);

    const result = await signIn({ token: 'wrong', serverUrl: env.sandbox.url }, fast);
    expect(result).toMatchObject({ ok: false, field: 'token', message: expect.stringContaining('did not accept this API token') });
    expect((await account.getValue())?.token).toBe(env.sandbox.token);
  });

  it('explains an unreachable server', async () => {
    await env.sandbox.faults.offline(true);
    const result = await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast);
    expect(result).toMatchObject({ ok: false, field: 'serverUrl', message: expect.stringContaining('Could not reach 127.0.0.1') });
  });

  it('explains a server URL that is not TimeCamp', async () => {
    env.sandbox.faults.malformNext(1, 'html');
    const result = await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast);
    expect(result).toMatchObject({ ok: false, field: 'serverUrl', message: expect.stringContaining('did not answer like a TimeCamp server') });
  });

  it('refuses empty tokens and addresses that are not web addresses without a request', async () => {
    expect(await signIn({ token: '  ', serverUrl: env.sandbox.url })).toMatchObject({ ok: false, field: 'token' });
    expect(await signIn({ token: 'x', serverUrl: 'timecamp' })).toMatchObject({ ok: false, field: 'serverUrl' });
    expect(await signIn({ token: 'x', serverUrl: 'ftp://timecamp.example' })).toMatchObject({ ok: false, field: 'serverUrl' });
    expect(env.sandbox.requests).toHaveLength(0);
    expect(await account.getValue()).toBeNull();
  });

  it('will not switch to another account while changes made as the first still wait to be sent', async () => {
    await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast);
    await actionQueue.setValue({ ...EMPTY_QUEUE, actions: [{ id: 'a', at: 0, account: accountKeyOf({ baseUrl: env.sandbox.url, user: { userId: env.sandbox.demo.userId } }), type: 'stop', timer: { timerId: 1, entryId: 2 } }] });
    const marta = env.sandbox.users.find((user) => user.user_id === env.sandbox.demo.users.noCreate)!;

    const result = await signIn({ token: marta.token, serverUrl: env.sandbox.url }, fast);
    expect(result).toMatchObject({ ok: false, field: null, message: expect.stringMatching(/Changes made as .* \(1\) have not reached TimeCamp yet\. Sign out first/) });
    expect((await account.getValue())?.token).toBe(env.sandbox.token);

    // The same account signing in again (a new token) is fine: its changes go to its own TimeCamp.
    expect(await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast)).toMatchObject({ ok: true });
  });
});

describe('changing the server URL with the saved token', () => {
  it('checks the saved token on the new server and moves the account there', async () => {
    const other = await startSandbox();
    try {
      await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast);
      expect(other.token).toBe(env.sandbox.token); // the same account, now on the company's own server

      const result = await signIn({ token: '', serverUrl: other.url, useSavedToken: true }, fast);

      expect(result).toMatchObject({ ok: true });
      expect(await account.getValue()).toMatchObject({ token: env.sandbox.token, baseUrl: other.url });
      expect(other.requests.filter((request) => request.resource === 'me')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('says when the new server refuses the saved token, and keeps the account where it was', async () => {
    const other = await startSandbox();
    try {
      await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast);
      const signedIn = (await account.getValue())!;
      await account.setValue({ ...signedIn, token: 'a-token-this-server-never-issued' });

      const result = await signIn({ token: '', serverUrl: other.url, useSavedToken: true }, fast);

      expect(result).toEqual({ ok: false, field: 'token', message: `${new URL(other.url).host} did not accept your saved API token. Enter the token of your account on this server.` });
      expect((await account.getValue())?.baseUrl).toBe(env.sandbox.url);
    } finally {
      await other.close();
    }
  });

  it('still asks for a token when nobody is signed in', async () => {
    expect(await signIn({ token: '', serverUrl: env.sandbox.url, useSavedToken: true })).toMatchObject({ ok: false, field: 'token' });
    expect(env.sandbox.requests).toHaveLength(0);
  });

  it('remembers the server signed in to', async () => {
    await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, fast);
    expect(await lastServerUrl.getValue()).toBe(env.sandbox.url);
  });
});
