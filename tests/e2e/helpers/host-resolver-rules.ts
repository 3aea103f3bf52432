/**
 * Chromium's `--host-resolver-rules` value that sends each mapped host to a
 * port on loopback and makes every other name unresolvable, so a test can
 * never reach the real site (or any other) by accident. Loopback itself stays
 * reachable for the fixture server and the sandbox.
 */
export function hostResolverRules(hostMap: Record<string, number> = {}): string {
  const maps = Object.entries(hostMap).map(([host, port]) => {
    // The value is a comma-separated rule list: a stray comma or space would add a rule.
    if (!/^[a-z0-9*.-]+$/i.test(host)) throw new Error(`hostMap: ${JSON.stringify(host)} is not a host name`);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`hostMap: ${host} -> ${port} is not a port`);
    return `MAP ${host} 127.0.0.1:${port}`;
  });
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}
