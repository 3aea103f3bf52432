import { browser } from 'wxt/browser';
import { recordPageReport } from '@/lib/storage/page-reports';
import { parseReportedPage } from './page-report-schema';
import { requireOwnTab, type MessageSenderLike } from './sender';

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
  const { integration, url } = parseReportedPage(data);
  await recordPageReport(tabId, { integration, url, at: Date.now() });
}
