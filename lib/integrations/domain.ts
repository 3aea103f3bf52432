// Domains the user adds for self-hosted trackers, the attribute contract and custom integrations:
// a host name, optionally with a port (`gitlab.example.com`, `redmine.example.org:8443`).

// Dot-separated labels of letters, digits and inner hyphens, then an optional port.
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::(\d{1,5}))?$/i;

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Whether this build's match patterns may name a port. Chrome's may (`https://host:8443/*` is
 * that port only; without one, every port). Firefox's may not (bugs 1362809 and 1468162): there
 * a domain's pattern covers every port of its host, and a script checks the port itself
 * (`onAddedPort`, `onDomain`).
 */
export const PATTERNS_NAME_PORTS = !import.meta.env.FIREFOX;

/** A host name with an optional port, nothing else (no scheme, path or wildcard). */
export function isDomain(text: string): boolean {
  const port = DOMAIN.exec(text)?.[1];
  return DOMAIN.test(text) && text.length <= 260 && (port === undefined || (Number(port) > 0 && Number(port) < 65_536));
}

/**
 * The match patterns of a domain, for its permission and its content script: `*://host/*`, or,
 * for a domain with a port where the browser's patterns can say it, that port on each scheme, so
 * access and script go to that port only. (Chrome takes a port after `http` or `https` only,
 * never after `*`: "Invalid port".)
 */
export function domainPatterns(domain: string, withPort = PATTERNS_NAME_PORTS): string[] {
  const [host, port] = domain.toLowerCase().split(':');
  return port && withPort ? [`https://${host}:${port}/*`, `http://${host}:${port}/*`] : [`*://${host}/*`];
}

/**
 * Whether a page is on a domain: the same host, and the same port when the domain names one
 * (`example.com:443` is `https://example.com/`, as the browser matches it).
 */
export function onDomain(domain: string, page: URL): boolean {
  const [hostname, port] = domain.toLowerCase().split(':');
  return page.hostname === hostname && (port === undefined || port === (page.port || DEFAULT_PORTS[page.protocol]));
}

/**
 * Whether a tracker's script may run on a page where the browser's patterns could not name the
 * port (Firefox): a registration for `host:8443` injects it on every port of that host. On a host
 * the user added for the integration, the page must be on an added port; a page on no added host
 * is one of the tracker's own, where the manifest injects the script.
 */
export function onAddedPort(integration: string, domains: unknown, page: URL): boolean {
  const added = (Array.isArray(domains) ? domains : []) as Array<{ domain?: unknown; integration?: unknown } | null>;
  const onHost = added.flatMap((entry) =>
    entry?.integration === integration && typeof entry.domain === 'string' && entry.domain.toLowerCase().split(':')[0] === page.hostname ? [entry.domain] : [],
  );
  return onHost.length === 0 || onHost.some((domain) => onDomain(domain, page));
}
