import { browser } from 'wxt/browser';
import { domainPattern } from '@/lib/integrations/domain';
import { hostnameOf } from '@/lib/options/domain';
import { account } from '@/lib/storage/account';
import { customIntegrations, selfHostedDomains } from '@/lib/storage/domains';

/**
 * Asks for access to a tracker's domain. Call it before anything else in the
 * click handler: browsers show the prompt only during the user's gesture.
 */
export function requestHostAccess(domain: string): Promise<boolean> {
  return browser.permissions.request({ origins: [domainPattern(domain)] });
}

function serverHostname(baseUrl: string | undefined): string | null {
  try {
    return baseUrl ? new URL(baseUrl).hostname : null;
  } catch {
    return null;
  }
}

/**
 * Gives access to a domain back once nothing stored needs it any more: no
 * self-hosted domain, custom tracker or TimeCamp server on that host name
 * (a permission covers every port of a host). Call after the entry is gone.
 */
export async function releaseHostAccess(domain: string): Promise<void> {
  const hostname = hostnameOf(domain);
  const [domains, custom, signedIn] = await Promise.all([selfHostedDomains.getValue(), customIntegrations.getValue(), account.getValue()]);
  const stillNeeded =
    domains.some((entry) => hostnameOf(entry.domain) === hostname) ||
    custom.some((entry) => hostnameOf(entry.domain) === hostname) ||
    serverHostname(signedIn?.baseUrl) === hostname;
  if (stillNeeded) return;
  try {
    await browser.permissions.remove({ origins: [domainPattern(domain)] });
  } catch {
    // Hosts the manifest itself declares cannot be given back; there is nothing to release then.
  }
}
