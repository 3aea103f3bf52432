import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { signOut, type SignOutResult } from '@/lib/account/sign-out';
import { signIn, type SignInResult } from '@/lib/account/sign-in';
import { recordPageReport } from '@/lib/storage/page-reports';
import { parseReportedPage } from './page-report-schema';
import { requireExtensionPage, requireOwnTab, type MessageSenderLike } from './sender';
import { SignInSchema } from './sign-in-schema';
import { parsePayload } from './validate';

/** What a handler gets from the messenger, typed loosely: the payload comes from outside. */
export interface IncomingMessage {
  data: unknown;
  sender: MessageSenderLike;
}

export function handlePing(): { version: string } {
  return { version: browser.runtime.getManifest().version };
}

export async function handleReportPage({ data, sender }: IncomingMessage): Promise<void> {
  const tabId = requireOwnTab(sender, browser.runtime.id);
  const report = parseReportedPage(data);
  // The browser names the sender's tab: the options page lists tabs by title, which it may not be
  // able to read itself later (the tab's host may have been given back).
  const title = sender.tab?.title?.trim().slice(0, 300);
  await recordPageReport(tabId, { ...report, ...(title && { title }), at: Date.now() });
}

const fromOwnPage = (sender: MessageSenderLike) => requireExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));

export function handleSignIn({ data, sender }: IncomingMessage): Promise<SignInResult> {
  fromOwnPage(sender);
  return signIn(parsePayload('signIn', SignInSchema, data));
}

const SignOutSchema = v.optional(v.strictObject({ dropQueue: v.optional(v.boolean()) }), {});

export function signOutHandler(queue: { drain(): Promise<void> }) {
  return ({ data, sender }: IncomingMessage): Promise<SignOutResult> => {
    fromOwnPage(sender);
    return signOut(queue, parsePayload('signOut', SignOutSchema, data));
  };
}
