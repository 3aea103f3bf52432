import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndCert {
  key: string;
  cert: string;
}

/**
 * A throwaway certificate for the given host names (plus 127.0.0.1), made by
 * the openssl CLI: Node can make keys but not X.509 certificates. Chromium
 * still distrusts it; the tests launch with `ignoreHTTPSErrors`, and the SAN
 * keeps the name check meaningful.
 */
export async function makeSelfSignedCert(hosts: string[]): Promise<KeyAndCert> {
  const dir = await mkdtemp(join(tmpdir(), 'timecamp-e2e-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const altNames = [...hosts.map((host) => `DNS:${host}`), 'IP:127.0.0.1'].join(',');
    const run = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-subj', '/CN=timecamp-e2e-fixtures', '-addext', `subjectAltName=${altNames}`,
        '-keyout', keyPath, '-out', certPath],
      { encoding: 'utf8' },
    );
    if (run.error) throw new Error('openssl not found: install it (Debian/Ubuntu: `sudo apt-get install openssl`); the e2e fixture server needs it for its certificate.');
    if (run.status !== 0) throw new Error(`openssl could not make the fixture certificate: ${run.stderr.trim()}`);
    return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
