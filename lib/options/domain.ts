import { isDomain } from '@/lib/integrations/domain';

/** Why a typed domain was refused; the options page words each reason. */
export type DomainProblem = 'empty' | 'scheme' | 'credentials' | 'port' | 'host';

export type ParsedDomain =
  | {
      ok: true;
      /** What is stored: the host name, with the port when one was given (`gitlab.example.com:8443`). */
      domain: string;
      /** Without the port: the host, as messages name it. */
      hostname: string;
    }
  | { ok: false; problem: DomainProblem };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Punycode for a name typed with accents (`bücher.example` → `xn--bcher-kva.example`), as browsers match it. */
function asciiHost(name: string): string | null {
  if (/^[\x21-\x7e]*$/.test(name)) return name;
  try {
    return new URL(`http://${name}`).hostname;
  } catch {
    return null;
  }
}

function isHostName(name: string): boolean {
  if (IPV4.test(name)) return true;
  if (name.length > 253) return false;
  const labels = name.split('.');
  // A last label of digits only is a mistyped address (`10.0.0`), not a name.
  return labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

/**
 * A tracker's domain as the user typed or pasted it: `gitlab.example.com`,
 * `redmine.example.org:8443`, or a whole URL whose scheme, path, query and
 * default port are dropped. Wildcards, user names and anything that is not a
 * host name or an IPv4 address are refused.
 */
export function parseDomain(input: string): ParsedDomain {
  let rest = input.trim();
  if (rest === '') return { ok: false, problem: 'empty' };

  let scheme: string | null = null;
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (schemeMatch) {
    scheme = `${schemeMatch[1]!.toLowerCase()}:`;
    if (!(scheme in DEFAULT_PORTS)) return { ok: false, problem: 'scheme' };
    rest = rest.slice(schemeMatch[0].length);
  }
  rest = rest.split(/[/?#]/, 1)[0]!;
  if (rest.includes('@')) return { ok: false, problem: 'credentials' };

  const hostPort = /^([^:]+)(?::(\d*))?$/.exec(rest);
  if (!hostPort) return { ok: false, problem: 'host' };
  const hostname = asciiHost(hostPort[1]!.toLowerCase().replace(/\.$/, ''));
  if (!hostname || !isHostName(hostname)) return { ok: false, problem: 'host' };

  let port = hostPort[2];
  if (port !== undefined) {
    const number = Number(port);
    if (port === '' || !Number.isInteger(number) || number < 1 || number > 65535) return { ok: false, problem: 'port' };
    port = String(number);
    if (scheme && DEFAULT_PORTS[scheme] === port) port = undefined;
  }
  const domain = port ? `${hostname}:${port}` : hostname;
  // What the background registers scripts for: a domain it would skip must not be stored.
  if (!isDomain(domain)) return { ok: false, problem: 'host' };
  return { ok: true, domain, hostname };
}
