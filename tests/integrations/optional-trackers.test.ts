import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSelfHostedScripts, syncScripts, type ScriptRegistry, type Wanted } from '@/lib/integrations/self-hosted';
import { releaseHostAccess } from '@/lib/options/host-access';
import { projectPageState } from '@/lib/storage/publish-page-state';
import { selfHostedDomains } from '@/lib/storage/domains';
import { trackersOn } from '@/lib/storage/trackers-on';
import { BOARDLY } from '../options/optional-site';

// A tracker whose own hosts are optional: the background registers its script there once it is
// switched on and its hosts are granted, pages drop its buttons while it is off, and its hosts
// are given back only once it is off.

vi.mock('@/lib/integrations/catalog', (real) => import('../options/optional-site').then((site) => site.catalogWithBoardly(real)));

const HOSTS = BOARDLY.optionalHosts!;

/** `scripting` and `permissions` as the browser keeps them, in memory; `granted` holds exact patterns. */
function fakeRegistry(granted: string[]) {
  const scripts = new Map<string, { id: string; js: string[]; matches: string[] }>();
  const registry: ScriptRegistry & { scripts: typeof scripts } = {
    scripts,
    registered: vi.fn(async () => [...scripts.values()]),
    register: vi.fn(async ({ id, files, patterns }: Wanted) => void scripts.set(id, { id, js: files, matches: patterns })),
    unregister: vi.fn(async (ids: string[]) => ids.forEach((id) => scripts.delete(id))),
    granted: vi.fn(async (patterns: string[]) => patterns.every((pattern) => granted.includes(pattern))),
  };
  return registry;
}

describe('the script of a tracker with optional hosts', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('is registered on its hosts once it is on and they are granted, and only then', async () => {
    const granted = fakeRegistry(HOSTS);
    expect(await syncScripts(granted, [], [], [])).toMatchObject({ registered: [] });
    expect(await syncScripts(granted, [], [], ['boardly'])).toMatchObject({ registered: ['selfhosted:boardly'] });
    expect([...granted.scripts.values()]).toEqual([{ id: 'selfhosted:boardly', js: ['content-scripts/core.js', 'content-scripts/boardly.js'], matches: HOSTS }]);

    const notGranted = fakeRegistry([HOSTS[0]!]);
    const outcome = await syncScripts(notGranted, [], [], ['boardly']);
    expect(outcome.registered).toEqual([]);
    expect(outcome.skipped).toEqual([{ domain: '', integration: 'boardly', reason: 'no permission' }]);
  });

  it('is unregistered when switched off, and nothing is registered for an id that names no such tracker', async () => {
    const registry = fakeRegistry(HOSTS);
    await syncScripts(registry, [], [], ['boardly']);
    expect((await syncScripts(registry, [], [], [])).unregistered).toEqual(['selfhosted:boardly']);

    const outcome = await syncScripts(registry, [], [], ['github', 'nope', 7]);
    expect(outcome.registered).toEqual([]);
    expect(outcome.skipped).toEqual([
      { domain: '', integration: 'github', reason: 'unknown integration' },
      { domain: '', integration: 'nope', reason: 'unknown integration' },
    ]);
  });

  it('follows the switch as the options page or the first-run page writes it', async () => {
    const registry = fakeRegistry(HOSTS);
    registerSelfHostedScripts(registry);
    await trackersOn.setValue(['boardly']);
    await vi.waitFor(() => expect([...registry.scripts.keys()]).toEqual(['selfhosted:boardly']));
    await trackersOn.setValue([]);
    await vi.waitFor(() => expect([...registry.scripts.keys()]).toEqual([]));
  });
});

describe('what tracker pages are told of such a tracker', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is switched off until the user switches it on, so a page it is still injected in drops its buttons', async () => {
    expect((await projectPageState()).disabledIntegrations).toContain('boardly');
    await trackersOn.setValue(['boardly']);
    expect((await projectPageState()).disabledIntegrations).not.toContain('boardly');
  });

  it('runs on a server of the user’s own while its switch (for its own hosts) is off', async () => {
    await selfHostedDomains.setValue([{ domain: 'boards.example.com', integration: 'boardly' }]);
    expect((await projectPageState()).disabledIntegrations).not.toContain('boardly');
    await selfHostedDomains.setValue([{ domain: 'git.example.com', integration: 'gitlab' }]);
    expect((await projectPageState()).disabledIntegrations).toContain('boardly');
  });
});

describe('giving back its hosts', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('keeps them while it is on, and gives them back once it is off', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, host_permissions: [] } as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    await trackersOn.setValue(['boardly']);
    expect(await releaseHostAccess(HOSTS)).toEqual([]);
    expect(remove).not.toHaveBeenCalled();

    await trackersOn.setValue([]);
    expect(await releaseHostAccess(HOSTS)).toEqual(HOSTS);
  });
});
