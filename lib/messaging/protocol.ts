import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SignInRequest, SignInResult } from '@/lib/account/sign-in';
import type { ReportedPage } from './page-report-schema';

/**
 * Every message the background answers. Content scripts import this file, so
 * it must stay free of runtime dependencies beyond the messenger itself (the
 * schema import above is type-only).
 */
export interface ProtocolMap {
  /** Liveness check: answers the extension's manifest version. */
  ping(): { version: string };
  /** A content script ran on a page; the background remembers it for the tab. */
  reportPage(report: ReportedPage): void;
  /** From the extension's own pages: check a token on a server and remember the account. */
  signIn(request: SignInRequest): SignInResult;
  signOut(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
