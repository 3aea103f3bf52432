import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Delivers a raw message the way Chrome does (message, sender, sendResponse)
 * and resolves with what the background answered, in @webext-core/messaging's
 * wire format: `{ res }` or `{ err }`.
 */
export function deliver(message: unknown, sender: object): Promise<unknown> {
  // The fake's trigger is typed with Firefox's two arguments; Chrome passes a third.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
  return new Promise((resolve) => {
    void trigger(message, sender, resolve);
  });
}

export const message = (type: string, data?: unknown) => ({ id: 1, type, data, timestamp: Date.now() });

/** A content script of ours, in a tab showing a tracker page. */
export const contentScript = (tabId = 4) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId }, url: 'https://github.com/octo/hello-world/issues/12' });
/** The popup: an extension page, not in a tab. */
export const popupPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
/** Another extension. */
export const foreign = () => ({ id: 'some-other-extension', url: 'chrome-extension://some-other-extension/page.html' });
