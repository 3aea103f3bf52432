import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestServerPermission } from '@/lib/account/server-permission';
import { DEFAULT_BASE_URL } from '@/lib/api/transport';
import { SITES } from '@/lib/integrations/catalog';
import { domainPatterns } from '@/lib/integrations/domain';
import { parseDomain } from '@/lib/options/domain';
import { requestHostAccess } from '@/lib/options/host-access';
import config from '../../wxt.config';

// Chrome asks the user only for what the manifest lists as optional; anything else is refused at
// once ("Only permissions specified in the manifest may be requested"), with no prompt. The e2e
// build declares its test hosts outright, so only the shipped manifest can show such a refusal:
// every pattern the code asks for must be covered by one of its optional host patterns.

async function shippedManifest(manifestVersion: 2 | 3): Promise<Record<string, unknown>> {
  const { manifest } = config;
  const env = { browser: manifestVersion === 3 ? 'chrome' : 'firefox', command: 'build', manifestVersion, mode: 'production' } as const;
  return (typeof manifest === 'function' ? await manifest(env) : await manifest) as Record<string, unknown>;
}

/** The host patterns a user may grant at run time: MV3's optional hosts, MV2's optional origins. */
async function optionalHosts(manifestVersion: 2 | 3): Promise<string[]> {
  const manifest = await shippedManifest(manifestVersion);
  const listed = (manifestVersion === 3 ? manifest.optional_host_permissions : manifest.optional_permissions) as string[] | undefined;
  return (listed ?? []).filter((entry) => entry.includes('://'));
}

const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/:]+|\[[^\]]+\]|[^/:*]+)(?::(\d+|\*))?\/.*$/;

/**
 * Whether one optional pattern covers a requested one, as Chrome decides: a request is allowed
 * only when each asked-for pattern is valid (a port only after `http` or `https`, never after
 * `*`: "Invalid port") and lies within a single optional pattern; a host permission's path does
 * not count; a pattern without a port means every port.
 */
function covers(optional: string, asked: string): boolean {
  const [, scheme, host, port] = PATTERN.exec(optional) ?? [];
  const [, askedScheme, askedHost, askedPort] = PATTERN.exec(asked) ?? [];
  if (!scheme || !host || !askedScheme || !askedHost) return false;
  if (askedScheme === '*' && askedPort !== undefined && askedPort !== '*') return false;
  const schemeOk = scheme === '*' ? true : askedScheme === scheme;
  const base = host.startsWith('*.') ? host.slice(2) : null;
  const hostOk = host === '*' || host === askedHost || (base !== null && (askedHost === base || askedHost.endsWith(`.${base}`)));
  const portOk = port === undefined || port === '*' || port === askedPort;
  return schemeOk && hostOk && portOk;
}

/** The origins each request of the code asks `permissions.request` for. */
async function asked(requests: Array<() => Promise<unknown>>): Promise<string[][]> {
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  for (const ask of requests) await ask();
  return request.mock.calls.map(([permissions]) => permissions.origins ?? []);
}

/** What users type or paste as a self-hosted tracker's or a custom integration's domain. */
const DOMAINS = [
  'gitlab.mycompany.com',
  'gitlab.com',
  'https://jira.mycompany.com/browse/PROJ-7',
  '10.0.0.5',
  '10.0.0.5:8080',
  'http://redmine.example.org:8443/issues/12',
  'bücher.example',
  'tickets.mycompany.com',
  'localhost:3000',
];

const SERVERS = [DEFAULT_BASE_URL, 'https://timecamp.mycompany.com/third_party/api', 'https://10.0.0.9:8443/api', 'http://127.0.0.1:4010/third_party/api', 'http://localhost:3000/api', 'http://[::1]:8080/api'];

const domains = DOMAINS.map((typed) => {
  const parsed = parseDomain(typed);
  if (!parsed.ok) throw new Error(`${typed}: ${parsed.problem}`);
  return parsed.domain;
});

describe('the shipped manifest covers every host the code asks for', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([3, 2] as const)('manifest V%i', async (manifestVersion) => {
    const optional = await optionalHosts(manifestVersion);
    const requested = await asked([...domains.map((domain) => () => requestHostAccess(domain)), ...SERVERS.map((url) => () => requestServerPermission(url))]);
    const patterns = [
      ...requested.flat(),
      // Firefox's patterns for the same domains (no port), and the trackers' own hosts, whether
      // the manifest declares them or a tracker asks for them when switched on.
      ...domains.flatMap((domain) => domainPatterns(domain, false)),
      ...SITES.flatMap((site) => [...site.matches, ...(site.optionalHosts ?? [])]),
    ];

    // One request per domain and per server other than app.timecamp.com (which the manifest declares).
    expect(requested).toHaveLength(domains.length + SERVERS.length);
    expect(patterns.filter((pattern) => !optional.some((grantable) => covers(grantable, pattern)))).toEqual([]);
  });

  it('checks coverage the way Chrome does: two schemes in two patterns do not cover `*://`, nor does anything a port after `*`', () => {
    expect(covers('https://*/*', '*://gitlab.mycompany.com/*')).toBe(false);
    expect(covers('*://*/*', '*://gitlab.mycompany.com:8443/*')).toBe(false);
    expect(covers('*://*/*', 'https://gitlab.mycompany.com:8443/*')).toBe(true);
    expect(covers('https://*.atlassian.net/*', 'https://acme.atlassian.net/*')).toBe(true);
    expect(covers('http://localhost:3000/*', 'http://localhost/*')).toBe(false);
  });
});
