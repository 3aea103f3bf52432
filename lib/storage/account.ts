import { defineTrustedItem } from './trusted';

/** Who is signed in, and where. The token lives here, in extension-only storage, and nowhere else. */
export interface Account {
  token: string;
  /** TimeCamp's `third_party/api` root this account lives on. */
  baseUrl: string;
  user: { userId: number; email: string; displayName: string };
  signedInAt: number;
}

export const account = defineTrustedItem<Account | null>('account', { fallback: null });

/**
 * The server last signed in to, kept after sign-out (the token is not): a
 * company on its own TimeCamp domain signs in there again, and should not
 * have to type the address again.
 */
export const lastServerUrl = defineTrustedItem<string | null>('lastServerUrl', { fallback: null });

/**
 * Server and user: ids are only unique per server, and two people who share a
 * browser see different trees, so cached data is only ever read back by the
 * account that filled it.
 */
export function accountKeyOf(signedIn: { baseUrl: string; user: { userId: number } }): string {
  return `${signedIn.baseUrl}#${signedIn.user.userId}`;
}
