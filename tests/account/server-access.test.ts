import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestServerPermission, serverPattern } from '@/lib/account/server-permission';
import { signIn } from '@/lib/account/sign-in';
import { signOut } from '@/lib/account/sign-out';
import { account } from '@/lib/storage/account';
import { selfHostedDomains } from '@/lib/storage/domains';
import { useSandbox } from '../api/use-sandbox';
import { stubPermissions } from '../options/harness';

const env = useSandbox();

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/**
 * Sign-in options whose requests to `https://<host>/third_party/api` reach the sandbox, so a
 * company's own https:// server can be signed in to here.
 */
function servedAt(...hosts: string[]) {
  return {
    retry: { attempts: 1 },
    fetch: (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      if (!hosts.includes(url.host)) throw new Error(`unexpected host ${url.host}`);
      return fetch(`${env.sandbox.url}${url.pathname.replace(/^\/third_party\/api/, '')}${url.search}`, init);
    },
  };
}

const at = (host: string) => `https://${host}/third_party/api`;

describe('a server on http://', () => {
  it('is refused at sign-in, with a clear message and no request', async () => {
    const result = await signIn({ token: env.sandbox.token, serverUrl: 'http://timecamp.example.com/third_party/api' });

    expect(result).toEqual({ ok: false, field: 'serverUrl', message: expect.stringMatching(/is not encrypted.*https:\/\//) });
    expect(env.sandbox.requests).toHaveLength(0);
    expect(await account.getValue()).toBeNull();
  });

  it('gets no permission prompt: sign-in explains instead', async () => {
    const permissions = stubPermissions(true);

    expect(serverPattern('http://timecamp.example.com/third_party/api')).toBeNull();
    expect(await requestServerPermission('http://timecamp.example.com/third_party/api')).toBe(true);
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it('is still fine on this computer (the sandbox), and https:// anywhere', async () => {
    const permissions = stubPermissions(true);

    expect(serverPattern(env.sandbox.url)).toBe('http://127.0.0.1/*');
    expect(serverPattern('https://TC.example.com:8443/third_party/api')).toBe('https://tc.example.com/*');
    await requestServerPermission('https://tc.example.com/third_party/api');
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://tc.example.com/*'] });
    expect(await signIn({ token: env.sandbox.token, serverUrl: env.sandbox.url }, { retry: { attempts: 1 } })).toMatchObject({ ok: true });
  });
});

describe('access to a server signed in to before', () => {
  it('is given back when the account moves to another server', async () => {
    const permissions = stubPermissions(true, ['https://old.example.com/*', 'https://new.example.com/*']);
    const options = servedAt('old.example.com', 'new.example.com');

    expect(await signIn({ token: env.sandbox.token, serverUrl: at('old.example.com') }, options)).toMatchObject({ ok: true });
    expect(permissions.remove).not.toHaveBeenCalled();
    expect(await signIn({ token: env.sandbox.token, serverUrl: at('new.example.com') }, options)).toMatchObject({ ok: true });

    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://old.example.com/*'] });
    expect([...permissions.origins]).toEqual(['https://new.example.com/*']);
  });

  it('stays while a self-hosted tracker on that host needs it', async () => {
    await selfHostedDomains.setValue([{ domain: 'old.example.com', integration: 'gitlab' }]);
    const permissions = stubPermissions(true, ['https://old.example.com/*', '*://old.example.com/*', 'https://new.example.com/*']);
    const options = servedAt('old.example.com', 'new.example.com');

    await signIn({ token: env.sandbox.token, serverUrl: at('old.example.com') }, options);
    await signIn({ token: env.sandbox.token, serverUrl: at('new.example.com') }, options);

    expect(permissions.remove).not.toHaveBeenCalled();
  });

  it('is given back at sign-out, but never app.timecamp.com, which the manifest declares', async () => {
    const permissions = stubPermissions(true, ['https://tc.example.com/*']);
    const drained = { drain: () => Promise.resolve() };
    const user = { userId: 7, email: 'ada@example.com', displayName: 'Ada' };

    await account.setValue({ token: 't', baseUrl: at('tc.example.com'), user, signedInAt: 0 });
    expect(await signOut(drained)).toEqual({ signedOut: true });
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://tc.example.com/*'] });

    permissions.remove.mockClear();
    await account.setValue({ token: 't', baseUrl: at('app.timecamp.com'), user, signedInAt: 0 });
    expect(await signOut(drained)).toEqual({ signedOut: true });
    expect(permissions.remove).not.toHaveBeenCalled();
  });
});
