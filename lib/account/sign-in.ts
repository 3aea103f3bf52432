import { ApiError, createTimeCampClient, normaliseBaseUrl, type TransportOptions } from '@/lib/api';
import { releaseServerAccess } from '@/lib/options/host-access';
import { account, accountKeyOf, lastServerUrl, type Account } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { say } from '@/lib/i18n';

export interface SignInRequest {
  token: string;
  serverUrl: string;
  /**
   * With an empty `token`: use the token saved for the account signed in now
   * (the user changes only the server URL; the field says the token is saved).
   */
  useSavedToken?: boolean;
}

export type SignInResult =
  | { ok: true; user: Account['user'] }
  | { ok: false; field: 'token' | 'serverUrl' | null; message: string };

/** Words a failed token check for the person who typed the token and the URL. */
function explain(error: ApiError, host: string, savedToken: boolean): Extract<SignInResult, { ok: false }> {
  switch (error.kind) {
    case 'auth':
      if (savedToken) {
        return {
          ok: false,
          field: 'token',
          message: say('bg_signInSavedTokenRefused', '$1 did not accept your saved API token. Enter the token of your account on this server.', [host]),
        };
      }
      return { ok: false, field: 'token', message: say('bg_signInBadToken', 'TimeCamp did not accept this API token. Copy it again from your TimeCamp profile.') };
    case 'network':
    case 'timeout':
      return { ok: false, field: 'serverUrl', message: say('bg_signInUnreachable', 'Could not reach $1. Check the server URL and your connection.', [host]) };
    case 'malformed':
    case 'not-found':
      return { ok: false, field: 'serverUrl', message: say('bg_signInNotTimeCamp', '$1 did not answer like a TimeCamp server. Check the server URL.', [host]) };
    default:
      return { ok: false, field: null, message: error.message };
  }
}

/**
 * Changes queued by the account signed in now must reach its TimeCamp, never
 * another's: switching accounts waits until they are sent, or dropped at sign-out.
 */
async function unsentChangesOfAnother(next: Pick<Account, 'baseUrl' | 'user'>): Promise<string | null> {
  const current = await account.getValue();
  const pending = (await actionQueue.getValue()).actions.length;
  if (!current || pending === 0 || accountKeyOf(current) === accountKeyOf(next)) return null;
  return say(
    'bg_signInSwitchWaits',
    'Changes made as $2 ($1) have not reached TimeCamp yet. Sign out first (you can choose to drop them there), then sign in as $3.',
    [pending, current.user.displayName, next.user.displayName],
  );
}

/**
 * Checks the token with `me` on the given server and, only when it works,
 * remembers the account. A failed attempt leaves the previous account as it was.
 */
export async function signIn(request: SignInRequest, transport: Partial<TransportOptions> = {}): Promise<SignInResult> {
  const saved = request.useSavedToken && !request.token.trim() ? ((await account.getValue())?.token ?? '') : '';
  const token = request.token.trim() || saved;
  if (!token) return { ok: false, field: 'token', message: say('bg_signInNoToken', 'Enter your TimeCamp API token.') };
  let baseUrl: string;
  try {
    baseUrl = normaliseBaseUrl(request.serverUrl);
  } catch (error) {
    return { ok: false, field: 'serverUrl', message: (error as Error).message };
  }
  try {
    const me = await createTimeCampClient({ ...transport, token, baseUrl }).users.me();
    const user = { userId: me.userId, email: me.email, displayName: me.displayName };
    const switching = await unsentChangesOfAnother({ baseUrl, user });
    if (switching) return { ok: false, field: null, message: switching };
    const previous = await account.getValue();
    await account.setValue({ token, baseUrl, user, signedInAt: Date.now() });
    await lastServerUrl.setValue(baseUrl);
    // The server signed in to before is no longer used (unless by a tracker on that host).
    if (previous && previous.baseUrl !== baseUrl) await releaseServerAccess(previous.baseUrl);
    // A token that works again lets the paused queue go on.
    const sync = await syncState.getValue();
    await syncState.setValue({ ...sync, authProblem: false, problem: sync.problem?.kind === 'auth' ? null : sync.problem });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof ApiError) return explain(error, new URL(baseUrl).host, saved !== '');
    throw error;
  }
}
