import { browser, type Browser } from 'wxt/browser';
import type { CustomIntegrationTrial } from '@/lib/integrations/custom/try-on-page';
import { domainPatterns, onDomain } from '@/lib/integrations/domain';
import { sendMessage } from '@/lib/messaging/protocol';
import { releaseDomainAccess, requestHostAccess } from '@/lib/options/host-access';
import type { CustomIntegration } from '@/lib/storage/domains';

/** How "Test on current tab" went. */
export type TabTest =
  | { outcome: 'refused'; domain: string }
  | { outcome: 'no-tab'; domain: string }
  | { outcome: 'failed'; domain: string; message: string }
  /** `url` is the tested tab's address, when the browser tells it. */
  | { outcome: 'tested'; domain: string; url: string; trial: CustomIntegrationTrial };

/** The custom integrations' content script, as WXT builds it (the file the background registers). */
const CUSTOM_SCRIPT = '/content-scripts/custom.js';

/**
 * The tab on the integration's domain the user looked at last. Firefox's match patterns cannot
 * name a port, so each tab's address is checked too (readable with host access).
 */
async function latestTab(domain: string): Promise<Browser.tabs.Tab | undefined> {
  const tabs = await browser.tabs.query({ url: domainPatterns(domain) });
  const onIt = tabs.filter((tab) => tab.id !== undefined && (!tab.url || onDomain(domain, new URL(tab.url))));
  return onIt.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

async function askTab(tabId: number, item: CustomIntegration): Promise<CustomIntegrationTrial> {
  try {
    return await sendMessage('testCustomIntegration', item, tabId);
  } catch {
    // Nothing answered: the integration is not saved yet, or the tab was open before it was.
    // The script is injected once; it also runs the saved integrations, as a reload would.
    await browser.scripting.executeScript({ target: { tabId }, files: [CUSTOM_SCRIPT] });
    return sendMessage('testCustomIntegration', item, tabId);
  }
}

/**
 * Tries a custom integration on the latest tab of its domain, without saving or placing
 * anything. Call it first thing in the click handler: access to the host is asked for before
 * anything is awaited, as the browser shows its prompt only during the user's gesture (a host
 * already granted is not asked again). Access that only the test needed, for an integration
 * not saved, is given back when it ends: adding it later asks again. Never rejects.
 */
export function testOnTab(item: CustomIntegration): Promise<TabTest> {
  const { domain } = item;
  return requestHostAccess(domain)
    .then(async (granted): Promise<TabTest> => {
      if (!granted) return { outcome: 'refused', domain };
      try {
        const tab = await latestTab(domain);
        if (tab?.id === undefined) return { outcome: 'no-tab', domain };
        return { outcome: 'tested', domain, url: tab.url ?? '', trial: await askTab(tab.id, item) };
      } finally {
        await releaseDomainAccess(domain);
      }
    })
    .catch((failure: unknown) => ({ outcome: 'failed', domain, message: failure instanceof Error ? failure.message : String(failure) }));
}
