import type { Page } from 'playwright-core';
import type { ChromeGlobals } from './chrome-globals';

/** What the background answers, in @webext-core/messaging's wire format. */
export type WireAnswer = { res: unknown } | { err: { name: string; message: string } };

/**
 * Sends a message from an extension page the way `sendMessage` from
 * lib/messaging does, without bundling anything into the page:
 * @webext-core/messaging puts `{ id, type, data, timestamp }` on
 * `chrome.runtime.sendMessage` and the background answers `{ res }` or
 * `{ err }` (a serialised Error). Tests use it for payloads the typed API
 * would not let them write.
 */
export function sendRawMessage(extensionPage: Page, type: string, data?: unknown): Promise<WireAnswer> {
  return extensionPage.evaluate(({ type, data }) => {
    const { chrome } = globalThis as unknown as ChromeGlobals;
    return chrome.runtime.sendMessage({ id: 0, type, data, timestamp: Date.now() }) as Promise<WireAnswer>;
  }, { type, data });
}
