import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD_DIR, SHIPPED_BUILD_DIR } from './helpers/paths';

// The hosts wxt.config.ts adds in `--mode e2e` so permission requests resolve without a dialog.
const TEST_ONLY_HOSTS = ['*://*.test/*', 'http://127.0.0.1/*', 'http://localhost/*', 'https://app.clickup.com/*', 'https://mail.google.com/*', 'https://calendar.google.com/*'];

type Manifest = { host_permissions?: string[] } & Record<string, unknown>;
const readManifest = async (dir: string) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('manifests', () => {
  it('the shipped build never declares a test-only host', async () => {
    const shipped = JSON.stringify(await readManifest(SHIPPED_BUILD_DIR));

    for (const host of [...TEST_ONLY_HOSTS, '.test', '127.0.0.1', 'localhost']) expect(shipped).not.toContain(host);
  });

  it('the e2e build is the shipped build plus the test-only hosts', async () => {
    const shipped = await readManifest(SHIPPED_BUILD_DIR);
    const e2e = await readManifest(E2E_BUILD_DIR);

    expect(e2e.host_permissions).toEqual([...(shipped.host_permissions ?? []), ...TEST_ONLY_HOSTS]);
    expect({ ...e2e, host_permissions: shipped.host_permissions }).toEqual(shipped);
  });

  it('both builds run the shared core, then the GitHub script, on github.com', async () => {
    for (const dir of [SHIPPED_BUILD_DIR, E2E_BUILD_DIR]) {
      expect((await readManifest(dir)).content_scripts).toContainEqual({ matches: ['https://github.com/*'], js: ['content-scripts/core.js', 'content-scripts/github.js'] });
    }
  });
});
