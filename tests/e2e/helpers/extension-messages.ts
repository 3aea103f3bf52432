import type { Page } from 'playwright-core';
import type { ChromeGlobals } from './chrome-globals';
import type { TestPage } from './test-browser';

/** What the background answers, in @webext-core/messaging's wire format. */
export type WireAnswer = { res: unknown } | { err: { name: string; message: string } };

/**
 * Sends a message from an extension page the way `sendMessage` from
 * lib/messaging does, without bundling anything into the page:
 * @webext-core/messaging puts `{ id, type, data, timestamp }` on
 * `runtime.sendMessage` and the background answers `{ res }` or
 * `{ err }` (a serialised Error). Tests use it for payloads the typed API
 * would not let them write. Firefox's promise-returning API is `browser`.
 */
export function sendRawMessage(extensionPage: Page | TestPage, type: string, data?: unknown): Promise<WireAnswer> {
  const evaluate = extensionPage.evaluate.bind(extensionPage) as TestPage['evaluate'];
  return evaluate(({ type, data }) => {
    const { browser, chrome } = globalThis as unknown as ChromeGlobals & { browser?: ChromeGlobals['chrome'] };
    return (browser ?? chrome).runtime.sendMessage({ id: 0, type, data, timestamp: Date.now() }) as Promise<WireAnswer>;
  }, { type, data });
}
