import { readFile } from 'node:fs/promises';
import { createServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { FIXTURE_ROUTES, type FixtureRoute } from './fixture-routes';
import { FIXTURES_DIR } from './paths';
import { makeSelfSignedCert } from './self-signed-cert';

export interface FixtureRequest {
  host: string;
  path: string;
  status: number;
}

export interface FixtureServer {
  port: number;
  /** Pass to `launchExtension({ hostMap })`: every routed host, sent to this server. */
  hostMap: Record<string, number>;
  /** Every request served, in order, for tests that assert what the page loaded. */
  requests: FixtureRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * An HTTPS server on 127.0.0.1 (a random port unless `port` is given) that
 * plays real sites from fixture files. Chromium reaches it through
 * `--host-resolver-rules`, Firefox through `network.dns.localDomains` (port 443
 * then), so the page's URL, origin and content-script matching are those of the
 * real site.
 */
export async function startFixtureServer(routes: FixtureRoute[] = FIXTURE_ROUTES, { port: listenPort = 0 }: { port?: number } = {}): Promise<FixtureServer> {
  const hosts = [...new Set(routes.map((route) => route.host))];
  const tls: ServerOptions = await makeSelfSignedCert(hosts);
  const requests: FixtureRequest[] = [];

  const server = createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://fixture.invalid').pathname;
    const route = routes.find((r) => r.host === host && r.path.test(path));
    const answer = (status: number, type: string, body: string | Buffer) => {
      requests.push({ host, path, status });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    };
    if (!route) {
      answer(404, 'text/plain; charset=utf-8', `No fixture route for https://${host}${path}\n`);
      return;
    }
    readFile(join(FIXTURES_DIR, route.file)).then(
      (body) => answer(200, CONTENT_TYPES[extname(route.file)] ?? 'application/octet-stream', body),
      (error: Error) => answer(500, 'text/plain; charset=utf-8', `Fixture ${route.file}: ${error.message}\n`),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EACCES'
          ? new Error(`The fixture pages need port ${listenPort} of 127.0.0.1 (Firefox cannot be sent to another port): run as root, or allow it with \`sysctl net.ipv4.ip_unprivileged_port_start=${listenPort}\`.`)
          : error,
      ),
    );
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    hostMap: Object.fromEntries(hosts.map((host) => [host, port])),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Chromium keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
