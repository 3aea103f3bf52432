// Domains the user adds for self-hosted trackers, the attribute contract and custom integrations:
// a host name, optionally with a port (`gitlab.example.com`, `redmine.example.org:8443`).

// Dot-separated labels of letters, digits and inner hyphens, then an optional port.
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::(\d{1,5}))?$/i;

/** A host name with an optional port, nothing else (no scheme, path or wildcard). */
export function isDomain(text: string): boolean {
  const port = DOMAIN.exec(text)?.[1];
  return DOMAIN.test(text) && text.length <= 260 && (port === undefined || (Number(port) > 0 && Number(port) < 65_536));
}

/**
 * The match pattern of a domain, for its permission and its content script. Match patterns have
 * no ports: a pattern without one covers every port, so the port is left out.
 */
export function domainPattern(domain: string): string {
  return `*://${domain.toLowerCase().replace(/:\d+$/, '')}/*`;
}

/** Whether a page is on a domain: the same host, and the same port when the domain names one. */
export function onDomain(domain: string, page: URL): boolean {
  const wanted = domain.toLowerCase();
  return wanted.includes(':') ? page.host === wanted : page.hostname === wanted;
}
