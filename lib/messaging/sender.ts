import { MessageRefusedError } from './refusal';

/** The part of `runtime.MessageSender` the checks need. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; title?: string };
}

/**
 * Returns the sender's tab id if the message comes from this extension (one of
 * its content scripts or pages) running in a tab. Web pages and other
 * extensions cannot reach `runtime.onMessage` without `externally_connectable`,
 * but the check keeps that true if the manifest ever changes.
 */
export function requireOwnTab(sender: MessageSenderLike, ownId: string): number {
  if (sender.id !== ownId) {
    throw new MessageRefusedError(`refused: the sender ${JSON.stringify(sender.id ?? null)} is not this extension`);
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) {
    throw new MessageRefusedError('refused: this message must come from a content script in a tab');
  }
  return tabId;
}

/**
 * Accepts only the extension's own pages (popup, options): content scripts are
 * this extension too, but run inside web pages and must never reach the
 * account. `extensionOrigin` is `runtime.getURL('')`.
 */
export function requireExtensionPage(sender: MessageSenderLike, ownId: string, extensionOrigin: string): void {
  if (sender.id !== ownId || !sender.url?.startsWith(extensionOrigin)) {
    throw new MessageRefusedError('refused: only the extension\'s own pages may send this message');
  }
}

/** Any part of this extension: its pages, or its content scripts (which act for the user in a tracker). */
export function requireOwnSender(sender: MessageSenderLike, ownId: string): void {
  if (sender.id !== ownId) {
    throw new MessageRefusedError(`refused: the sender ${JSON.stringify(sender.id ?? null)} is not this extension`);
  }
}
