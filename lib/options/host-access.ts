import { browser } from 'wxt/browser';
import { serverPattern } from '@/lib/account/server-permission';
import { SITES } from '@/lib/integrations/catalog';
import { domainPatterns, isDomain } from '@/lib/integrations/domain';
import { account } from '@/lib/storage/account';
import { customIntegrations, selfHostedDomains } from '@/lib/storage/domains';
import { trackersOn } from '@/lib/storage/trackers-on';

// Access to hosts granted at run time: a self-hosted tracker's or a custom integration's domain
// (the options page asks), and a TimeCamp server of the user's own (sign-in asks). Access granted
// is access used: once nothing stored needs a host any more, its access is given back.

/**
 * Asks for access to a tracker's domain. Call it before anything else in the click handler:
 * browsers show the prompt only during the user's gesture.
 */
export function requestHostAccess(domain: string): Promise<boolean> {
  return browser.permissions.request({ origins: domainPatterns(domain) });
}

/** A pattern of the kinds asked for here: a scheme (or `*`), one host without wildcards, maybe a port. */
interface Origin {
  scheme: string;
  host: string;
  port: string | undefined;
}

const ORIGIN = /^(\*|https?):\/\/((?:\*\.)?[^/:*]+|\[[^\]/]+\])(?::(\d+))?\/\*$/;

function parseOrigin(pattern: string): Origin | null {
  const [, scheme, host, port] = ORIGIN.exec(pattern) ?? [];
  return scheme && host ? { scheme, host: host.toLowerCase(), port } : null;
}

/**
 * Whether two patterns can match one URL. A pattern is kept while an overlapping one is in use,
 * because browsers do not store what access already granted covers: Chrome answers a request for
 * `*://host:8443/*` after `*://host/*` at once and adds nothing, so giving `*://host/*` back would
 * take the port's access with it.
 */
function overlap(a: Origin, b: Origin): boolean {
  const schemes = a.scheme === '*' || b.scheme === '*' || a.scheme === b.scheme;
  return a.host === b.host && schemes && (a.port === undefined || b.port === undefined || a.port === b.port);
}

/** What stored things need: each listed domain, each custom integration's, the hosts of the trackers switched on, the signed-in server. */
async function originsInUse(): Promise<Origin[]> {
  const [domains, customs, on, signedIn] = await Promise.all([selfHostedDomains.getValue(), customIntegrations.getValue(), trackersOn.getValue(), account.getValue()]);
  const patterns = [...domains, ...customs]
    .map((entry) => entry.domain.trim())
    .filter(isDomain)
    .flatMap((domain) => domainPatterns(domain));
  patterns.push(...SITES.filter((site) => on.includes(site.id)).flatMap((site) => site.optionalHosts ?? []));
  const server = signedIn && serverPattern(signedIn.baseUrl);
  if (server) patterns.push(server);
  return patterns.map(parseOrigin).filter((origin) => origin !== null);
}

/**
 * Hosts that are not given back here: what the manifest declares (the browser refuses to remove
 * it) and the trackers' own hosts, which follow the trackers' switches rather than these lists.
 */
function declaredPatterns(): Set<string> {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[]; content_scripts?: Array<{ matches?: string[] }> };
  return new Set([
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
    ...SITES.flatMap((site) => site.matches),
  ]);
}

/**
 * Gives back those of `patterns` that nothing stored uses any more; returns the ones given back.
 * Never throws: when what is in use cannot be read, nothing is given back.
 */
export async function releaseHostAccess(patterns: readonly string[]): Promise<string[]> {
  const released: string[] = [];
  try {
    const inUse = await originsInUse();
    const declared = declaredPatterns();
    for (const pattern of new Set(patterns)) {
      const origin = parseOrigin(pattern);
      if (!origin || declared.has(pattern) || inUse.some((used) => overlap(used, origin))) continue;
      // One at a time: a pattern the browser will not remove must not keep the others.
      if (await browser.permissions.remove({ origins: [pattern] }).catch(() => false)) released.push(pattern);
    }
  } catch {
    // What is in use, or declared, could not be read: nothing (more) is given back.
  }
  return released;
}

/** What the browser says was granted; nothing when it cannot say. */
async function grantedOrigins(): Promise<string[]> {
  try {
    return (await browser.permissions.getAll()).origins ?? [];
  } catch {
    return [];
  }
}

/**
 * Gives back a domain's access once no listed domain, custom integration or server needs it,
 * with any other access to its host nothing needs (`*://host/*` granted for a domain listed
 * before its `host:8443`).
 */
export async function releaseDomainAccess(domain: string): Promise<string[]> {
  const patterns = domainPatterns(domain);
  const host = parseOrigin(patterns[0]!)?.host;
  const onHost = (await grantedOrigins()).filter((granted) => parseOrigin(granted)?.host === host);
  return releaseHostAccess([...patterns, ...onHost]);
}

/** Gives back a server's access once the account moved to another, unless a tracker on that host needs it. */
export function releaseServerAccess(baseUrl: string): Promise<string[]> {
  const pattern = serverPattern(baseUrl);
  return pattern ? releaseHostAccess([pattern]) : Promise.resolve([]);
}

/**
 * Gives back every host access granted at run time that nothing stored uses: what a test on a tab
 * asked for when the page closed before it ended, a server signed out of by an older version.
 * For browser start and updates, when no options page is halfway through adding something.
 */
export async function releaseUnusedHostAccess(): Promise<string[]> {
  return releaseHostAccess(await grantedOrigins());
}
