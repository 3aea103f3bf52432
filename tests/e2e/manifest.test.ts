import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD_DIR, FIREFOX_E2E_BUILD_DIR, PROJECT_ROOT, SHIPPED_BUILD_DIR } from './helpers/paths';

// The hosts wxt.config.ts adds in `--mode e2e` so permission requests resolve without a dialog.
const TEST_ONLY_HOSTS = ['*://*.test/*', 'http://127.0.0.1/*', 'http://localhost/*', 'https://app.clickup.com/*', 'https://mail.google.com/*', 'https://calendar.google.com/*'];

/** The build's text files (its code, pages, styles and catalogues; not its icons), by path inside it. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(?:js|css|html|json)$/.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
    }
  }
  return files;
}

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

  // What the tests and the bench load must be the code users run: a build whose mode is not
  // "production" would compile development JSX, larger and slower, into every page.
  it("the e2e build's pages run the shipped code", async () => {
    const shipped = await filesOf(SHIPPED_BUILD_DIR);
    const e2e = await filesOf(E2E_BUILD_DIR);

    const pageFiles = [...shipped.keys()].filter((path) => /^(chunks|assets)\/|\.html$/.test(path));
    expect(pageFiles.length).toBeGreaterThan(5);
    for (const path of pageFiles) expect(e2e.get(path), path).toBe(shipped.get(path));
  });

  it('no e2e build holds development JSX or the path it was built in', async () => {
    for (const dir of [E2E_BUILD_DIR, FIREFOX_E2E_BUILD_DIR]) {
      for (const [path, text] of await filesOf(dir)) {
        if (!path.endsWith('.js')) continue;
        expect(text, path).not.toMatch(/\blineNumber:|\bjsxDEV\b/);
        expect(text, path).not.toContain(PROJECT_ROOT);
      }
    }
  });
});
