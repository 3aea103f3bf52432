import { browser } from 'wxt/browser';
import { releaseUnusedHostAccess } from '@/lib/options/host-access';
import { customIntegrations, selfHostedDomains } from '@/lib/storage/domains';
import { trackersOn } from '@/lib/storage/trackers-on';
import { CUSTOM, SITES, scriptFiles } from './catalog';
import type { SiteInfo } from './define';
import { domainPatterns, isDomain } from './domain';

// Content scripts registered at run time, kept in step with what the user chose: on the domains
// they added (self-hosted trackers, the attribute contract, custom integrations:
// `selfHostedDomains`, `customIntegrations`), and on the own hosts of the trackers that ask for
// them only when switched on (`optionalHosts`, `trackersOn`).
//
// Every tracker's pages run the same files wherever they come from (`scriptFiles`: the shared
// core, then `content-scripts/<id>.js`): the manifest lists them for gitlab.com, a registration
// here for the user's GitLab. Ours carry ids starting with `selfhosted:`; nothing else is touched.
//
// A domain with a port gets its script on that port only: the patterns name the port where the
// browser allows it (Chrome). Firefox's patterns cannot, so there the registration covers every
// port of the host and the script itself must check the port against the lists (`onAddedPort`).

const PREFIX = 'selfhosted:';

/** One content script on one domain, as `scripting.registerContentScripts` takes it. */
export interface Wanted {
  id: string;
  integration: string;
  /** The domain the user added; empty for a tracker's own hosts. */
  domain: string;
  /** `*://host/*`, or a port on both schemes (`domainPatterns`); a tracker's `optionalHosts`. */
  patterns: string[];
  /** The scripts, in order (`scriptFiles`). */
  files: string[];
  /** In every frame of the pages, not only the top one (`SiteInfo.allFrames`). */
  allFrames: boolean;
}

/** What a sync changed, and what it left out and why. */
export interface SyncOutcome {
  registered: string[];
  unregistered: string[];
  skipped: Array<{ domain: string; integration: string; reason: 'unknown integration' | 'invalid domain' | 'built in' | 'no permission' | 'failed' }>;
}

/** The parts of `scripting` and `permissions` a sync needs. */
export interface ScriptRegistry {
  registered(): Promise<Array<{ id: string; js?: string[]; matches?: string[]; allFrames?: boolean }>>;
  register(script: Wanted): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  granted(patterns: string[]): Promise<boolean>;
}

// Whether a site's manifest entry already covers the domain (gitlab.com added as a GitLab domain):
// a second injection would run the integration twice.
function builtIn(site: SiteInfo, domain: string): boolean {
  const host = domain.toLowerCase().replace(/:\d+$/, '');
  return site.matches.some((match) => {
    const [, wildcard, base] = /^[^:]+:\/\/(\*\.)?([^/]+)\//.exec(match) ?? [];
    return base !== undefined && (host === base || (!!wildcard && host.endsWith(`.${base}`)));
  });
}

/** The registrations the lists ask for (whatever storage holds), one per integration and host, and one per tracker switched on. */
export function wantedScripts(domains: unknown, customs: unknown, trackers: unknown = []): { wanted: Wanted[]; skipped: SyncOutcome['skipped'] } {
  const wanted = new Map<string, Wanted>();
  const skipped: SyncOutcome['skipped'] = [];
  const want = (integration: string, domain: string) => {
    const patterns = domainPatterns(domain);
    // `host`, or `host:port` where the patterns name the port.
    const id = `${PREFIX}${integration}@${patterns[0]!.replace(/^[^:]+:\/\/|\/\*$/g, '')}`;
    wanted.set(id, { id, integration, domain, patterns, files: scriptFiles(integration), allFrames: SITES.some((site) => site.id === integration && site.allFrames) });
  };
  for (const entry of Array.isArray(domains) ? (domains as unknown[]) : []) {
    const { domain, integration } = (entry ?? {}) as { domain?: unknown; integration?: unknown };
    if (typeof domain !== 'string' || typeof integration !== 'string') continue; // not an entry at all
    const site = SITES.find((known) => known.id === integration && known.selfHosted);
    if (!site) skipped.push({ domain, integration, reason: 'unknown integration' });
    else if (!isDomain(domain)) skipped.push({ domain, integration, reason: 'invalid domain' });
    else if (builtIn(site, domain)) skipped.push({ domain, integration, reason: 'built in' });
    else want(integration, domain);
  }
  // Custom integrations on one domain share its script, which reads them all and checks the rest
  // of each (lib/integrations/custom/validate.ts), so the worker does not carry that check.
  for (const item of Array.isArray(customs) ? (customs as unknown[]) : []) {
    const domain = (item as { domain?: unknown } | null)?.domain;
    if (typeof domain === 'string' && isDomain(domain.trim())) want(CUSTOM, domain.trim());
  }
  for (const integration of Array.isArray(trackers) ? (trackers as unknown[]) : []) {
    const site = SITES.find((known) => known.id === integration && known.optionalHosts?.length);
    if (!site) {
      if (typeof integration === 'string') skipped.push({ domain: '', integration, reason: 'unknown integration' });
      continue;
    }
    const id = `${PREFIX}${site.id}`;
    wanted.set(id, { id, integration: site.id, domain: '', patterns: [...site.optionalHosts!], files: scriptFiles(site.id), allFrames: !!site.allFrames });
  }
  return { wanted: [...wanted.values()], skipped };
}

/**
 * Brings the registered scripts in line with the lists: unregisters ours that are no longer
 * wanted, changed, or whose permission was taken back; registers what is missing and granted.
 * One registration at a time, so a bad one cannot keep the others out.
 */
export async function syncScripts(registry: ScriptRegistry, domains: unknown, customs: unknown, trackers: unknown = []): Promise<SyncOutcome> {
  const { wanted, skipped } = wantedScripts(domains, customs, trackers);
  const outcome: SyncOutcome = { registered: [], unregistered: [], skipped };
  const granted = new Map<string, boolean>();
  for (const script of wanted) {
    granted.set(script.id, await registry.granted(script.patterns).catch(() => false));
    if (!granted.get(script.id)) skipped.push({ domain: script.domain, integration: script.integration, reason: 'no permission' });
  }
  const current = (await registry.registered()).filter((script) => script.id.startsWith(PREFIX));
  // Chrome lists a registration's patterns in an order of its own.
  const inOrder = (patterns: readonly string[] = []) => [...patterns].sort().join();
  const same = (script: (typeof current)[number], want: Wanted) =>
    script.js?.join() === want.files.join() && inOrder(script.matches) === inOrder(want.patterns) && !!script.allFrames === want.allFrames;
  const keep = new Set(current.filter((script) => wanted.some((want) => want.id === script.id && granted.get(want.id) && same(script, want))).map((script) => script.id));
  outcome.unregistered = current.map((script) => script.id).filter((id) => !keep.has(id));
  if (outcome.unregistered.length) await registry.unregister(outcome.unregistered);
  for (const script of wanted) {
    if (!granted.get(script.id) || keep.has(script.id)) continue;
    try {
      await registry.register(script);
      outcome.registered.push(script.id);
    } catch {
      skipped.push({ domain: script.domain, integration: script.integration, reason: 'failed' });
    }
  }
  return outcome;
}

/** The browser's `scripting` and `permissions`, as a sync uses them. */
export function browserRegistry(scripting: typeof browser.scripting, permissions: typeof browser.permissions): ScriptRegistry {
  return {
    registered: () => scripting.getRegisteredContentScripts(),
    register: ({ id, patterns, files, allFrames }) =>
      scripting.registerContentScripts([{ id, js: files, matches: patterns, runAt: 'document_idle', allFrames, persistAcrossSessions: true }]),
    unregister: (ids) => scripting.unregisterContentScripts({ ids }),
    granted: (patterns) => permissions.contains({ origins: patterns }),
  };
}

// Browsers without dynamic content scripts (the API is typed as always there; it is not).
function defaultRegistry(): ScriptRegistry | null {
  const { scripting } = browser as { scripting?: typeof browser.scripting };
  return scripting?.registerContentScripts ? browserRegistry(scripting, browser.permissions) : null;
}

/**
 * Keeps the self-hosted content scripts in step, from the background's top level (listeners are
 * added synchronously, so an event that wakes the worker is heard): when the lists change, when
 * a permission is granted or taken back, when the browser starts and when the extension is
 * installed or updated. Syncs run one after another; returns the function that asks for one.
 * At browser start and on install or update, host access that nothing listed uses any more is
 * given back first (`releaseUnused`).
 */
export function registerSelfHostedScripts(
  registry: ScriptRegistry | null = defaultRegistry(),
  releaseUnused: () => Promise<unknown> = releaseUnusedHostAccess,
): () => Promise<SyncOutcome | null> {
  let last: Promise<SyncOutcome | null> = Promise.resolve(null);
  let queued: Promise<SyncOutcome | null> | null = null;
  const resync = () => {
    if (!registry) return last;
    // A sync already waiting will read the lists when it starts: it covers this request too.
    queued ??= last.then(async () => {
      queued = null;
      return syncScripts(registry, await selfHostedDomains.getValue(), await customIntegrations.getValue(), await trackersOn.getValue());
    });
    last = queued.catch(() => null);
    return last;
  };
  // Unused access is given back at start and on install or update only: after a grant, the options
  // page stores what it was for a moment later, and a sweep in between would take that access away.
  const onStart = () => void releaseUnused().catch(() => undefined).then(resync);
  browser.runtime.onInstalled.addListener(onStart);
  browser.runtime.onStartup.addListener(onStart);
  if (!registry) return resync; // no dynamic content scripts in this browser: self-hosted domains get no buttons
  const onEvent = () => void resync();
  browser.permissions.onAdded.addListener(onEvent);
  browser.permissions.onRemoved.addListener(onEvent);
  selfHostedDomains.watch(onEvent);
  customIntegrations.watch(onEvent);
  trackersOn.watch(onEvent);
  return resync;
}
