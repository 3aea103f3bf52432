import { browser } from 'wxt/browser';
import type { SiteInfo } from '@/lib/integrations/define';
import { trackersOn } from '@/lib/storage/trackers-on';
import { updateItem } from '@/lib/storage/update-item';
import { releaseHostAccess } from './host-access';

// Trackers whose own hosts are asked for only when the user switches them on (`optionalHosts`):
// the options page's switches and the first-run page. The background registers their scripts
// once a tracker is on and its hosts are granted (lib/integrations/self-hosted.ts).

/** The hosts a set of trackers asks for, each once. */
function hostsOf(sites: readonly SiteInfo[]): string[] {
  return [...new Set(sites.flatMap((site) => site.optionalHosts ?? []))];
}

/**
 * Switches trackers on with one request for all their hosts. Call it before anything else in the
 * click handler: browsers show the prompt only during the user's gesture. Nothing is switched on
 * when the user declines; returns whether they agreed.
 */
export async function switchOn(sites: readonly SiteInfo[]): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: hostsOf(sites) }).catch(() => false);
  if (!granted) return false;
  const ids = sites.map((site) => site.id);
  await updateItem(trackersOn, (on) => [...new Set([...(on ?? []), ...ids])]);
  return true;
}

/** Switches a tracker off, and gives its hosts back unless something else uses them. */
export async function switchOff(site: SiteInfo): Promise<void> {
  await updateItem(trackersOn, (on) => (on ?? []).filter((id) => id !== site.id));
  await releaseHostAccess(site.optionalHosts ?? []);
}

/** Of the trackers switched on, those whose hosts the browser does not grant (taken back in its settings, say). */
export async function withoutAccess(sites: readonly SiteInfo[], on: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const site of sites) {
    if (!on.includes(site.id) || !site.optionalHosts?.length) continue;
    if (!(await browser.permissions.contains({ origins: site.optionalHosts }).catch(() => false))) missing.push(site.id);
  }
  return missing;
}
