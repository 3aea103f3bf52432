import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSelfHostedScripts, syncScripts, wantedScripts, type ScriptRegistry, type Wanted } from '@/lib/integrations/self-hosted';
import { SITES } from '@/lib/integrations/catalog';
import { customIntegrations, selfHostedDomains, type CustomIntegration } from '@/lib/storage/domains';

/** `scripting` and `permissions` as Chrome keeps them, in memory. */
function fakeRegistry(granted: string[] = ['*://*.example.com/*']) {
  const scripts = new Map<string, { id: string; js: string[]; matches: string[]; allFrames?: boolean }>();
  const covers = (pattern: string) =>
    granted.some((grant) => grant === pattern || (grant.startsWith('*://*.') && pattern.endsWith(grant.slice(5)) && pattern.startsWith('*://')));
  const registry: ScriptRegistry & { scripts: typeof scripts; grant(pattern: string): void; revoke(pattern: string): void } = {
    scripts,
    registered: vi.fn(async () => [...scripts.values()]),
    register: vi.fn(async ({ id, files, patterns, allFrames }: Wanted) => {
      if (scripts.has(id)) throw new Error(`Duplicate script ID '${id}'`);
      scripts.set(id, { id, js: files, matches: patterns, ...(allFrames && { allFrames }) });
    }),
    unregister: vi.fn(async (ids: string[]) => ids.forEach((id) => scripts.delete(id))),
    granted: vi.fn(async (patterns: string[]) => patterns.every(covers)),
    grant: (pattern) => granted.push(pattern),
    revoke: (pattern) => granted.splice(granted.indexOf(pattern), 1),
  };
  return registry;
}

const CUSTOM: CustomIntegration = {
  id: 'tickets',
  name: 'Tickets',
  domain: 'tickets.example.com',
  pathPattern: '^/tickets/\\d+',
  anchor: '.ticket-tools',
  position: 'prepend',
  title: '.ticket-subject',
  key: '',
};

describe('a tracker whose items open in frames (Bitrix24)', () => {
  it('is registered in every frame of its hosts, and registered again where an older registration was not', async () => {
    const hosts = SITES.find((site) => site.id === 'bitrix24')!.optionalHosts!;
    const registry = fakeRegistry([...hosts]);
    expect(await syncScripts(registry, [], [], ['bitrix24'])).toMatchObject({ registered: ['selfhosted:bitrix24'] });
    expect(registry.scripts.get('selfhosted:bitrix24')).toMatchObject({ js: ['content-scripts/core.js', 'content-scripts/bitrix24.js'], allFrames: true });

    // A registration made before (top frame only) is replaced.
    registry.scripts.set('selfhosted:bitrix24', { id: 'selfhosted:bitrix24', js: ['content-scripts/core.js', 'content-scripts/bitrix24.js'], matches: [...hosts] });
    expect(await syncScripts(registry, [], [], ['bitrix24'])).toMatchObject({ unregistered: ['selfhosted:bitrix24'], registered: ['selfhosted:bitrix24'] });
    expect(registry.scripts.get('selfhosted:bitrix24')?.allFrames).toBe(true);
  });
});

describe('which scripts the lists ask for', () => {
  it('one per integration and host, named by the content script each runs', () => {
    const { wanted } = wantedScripts(
      [
        { domain: 'gitlab.example.com', integration: 'gitlab' },
        { domain: 'redmine.example.org:8443', integration: 'redmine' },
        { domain: 'help.example.com', integration: 'attributes' },
      ],
      [CUSTOM, { ...CUSTOM, id: 'more-tickets' }],
    );
    expect(wanted).toEqual([
      { id: 'selfhosted:gitlab@gitlab.example.com', integration: 'gitlab', domain: 'gitlab.example.com', patterns: ['*://gitlab.example.com/*'], files: ['content-scripts/core.js', 'content-scripts/gitlab.js'], allFrames: false },
      { id: 'selfhosted:redmine@redmine.example.org:8443', integration: 'redmine', domain: 'redmine.example.org:8443', patterns: ['https://redmine.example.org:8443/*', 'http://redmine.example.org:8443/*'], files: ['content-scripts/core.js', 'content-scripts/redmine.js'], allFrames: false },
      { id: 'selfhosted:attributes@help.example.com', integration: 'attributes', domain: 'help.example.com', patterns: ['*://help.example.com/*'], files: ['content-scripts/core.js', 'content-scripts/attributes.js'], allFrames: false },
      // Two custom integrations on one domain share its script.
      { id: 'selfhosted:custom@tickets.example.com', integration: 'custom', domain: 'tickets.example.com', patterns: ['*://tickets.example.com/*'], files: ['content-scripts/custom.js'], allFrames: false },
    ]);
  });

  it('leaves out what cannot or need not be registered, and says why', () => {
    const { wanted, skipped } = wantedScripts(
      [
        { domain: 'gitlab.com', integration: 'gitlab' },
        { domain: 'acme.atlassian.net', integration: 'jira' },
        { domain: 'trello.example.com', integration: 'trello' },
        { domain: 'x.example.com', integration: 'nope' },
        { domain: 'https://bad/', integration: 'gitlab' },
        'junk',
        null,
      ],
      [{ ...CUSTOM, domain: 'not a domain' }, 7],
    );
    expect(wanted).toEqual([]);
    expect(skipped).toEqual([
      { domain: 'gitlab.com', integration: 'gitlab', reason: 'built in' },
      { domain: 'acme.atlassian.net', integration: 'jira', reason: 'built in' },
      { domain: 'trello.example.com', integration: 'trello', reason: 'unknown integration' },
      { domain: 'x.example.com', integration: 'nope', reason: 'unknown integration' },
      { domain: 'https://bad/', integration: 'gitlab', reason: 'invalid domain' },
    ]);
  });

  it('takes whatever storage holds without throwing', () => {
    expect(wantedScripts(undefined, 'x').wanted).toEqual([]);
  });
});

describe('syncing the registered scripts', () => {
  it('registers what is missing and granted, persistently, and skips what has no permission', async () => {
    const registry = fakeRegistry(['*://gitlab.example.com/*']);
    const outcome = await syncScripts(registry, [{ domain: 'gitlab.example.com', integration: 'gitlab' }, { domain: 'git.other.org', integration: 'gitea' }], []);
    expect(outcome).toEqual({
      registered: ['selfhosted:gitlab@gitlab.example.com'],
      unregistered: [],
      skipped: [{ domain: 'git.other.org', integration: 'gitea', reason: 'no permission' }],
    });
    expect([...registry.scripts.values()]).toEqual([{ id: 'selfhosted:gitlab@gitlab.example.com', js: ['content-scripts/core.js', 'content-scripts/gitlab.js'], matches: ['*://gitlab.example.com/*'] }]);
  });

  it('changes nothing when nothing changed', async () => {
    const registry = fakeRegistry();
    const domains = [{ domain: 'gitlab.example.com', integration: 'gitlab' }];
    await syncScripts(registry, domains, [CUSTOM]);
    vi.mocked(registry.register).mockClear();
    expect(await syncScripts(registry, domains, [CUSTOM])).toEqual({ registered: [], unregistered: [], skipped: [] });
    expect(registry.register).not.toHaveBeenCalled();
    expect(registry.unregister).not.toHaveBeenCalled();
  });

  it('unregisters what is no longer listed, or no longer granted, and touches no one else’s scripts', async () => {
    const registry = fakeRegistry();
    registry.scripts.set('someone-else', { id: 'someone-else', js: ['x.js'], matches: ['*://x.example.com/*'] });
    await syncScripts(registry, [{ domain: 'gitlab.example.com', integration: 'gitlab' }, { domain: 'redmine.example.com', integration: 'redmine' }], []);

    registry.revoke('*://*.example.com/*');
    registry.grant('*://gitlab.example.com/*');
    const outcome = await syncScripts(registry, [{ domain: 'gitlab.example.com', integration: 'gitlab' }, { domain: 'redmine.example.com', integration: 'redmine' }], []);
    expect(outcome.unregistered).toEqual(['selfhosted:redmine@redmine.example.com']);
    expect(await syncScripts(registry, [], [])).toMatchObject({ unregistered: ['selfhosted:gitlab@gitlab.example.com'] });
    expect([...registry.scripts.keys()]).toEqual(['someone-else']);
  });

  it('re-registers a domain whose integration changed', async () => {
    const registry = fakeRegistry();
    await syncScripts(registry, [{ domain: 'git.example.com', integration: 'gitlab' }], []);
    const outcome = await syncScripts(registry, [{ domain: 'git.example.com', integration: 'gitea' }], []);
    expect(outcome).toMatchObject({ registered: ['selfhosted:gitea@git.example.com'], unregistered: ['selfhosted:gitlab@git.example.com'] });
  });

  it('keeps going when one registration fails', async () => {
    const registry = fakeRegistry();
    vi.mocked(registry.register).mockRejectedValueOnce(new Error('Could not load javascript'));
    const outcome = await syncScripts(registry, [{ domain: 'a.example.com', integration: 'gitlab' }, { domain: 'b.example.com', integration: 'gitlab' }], []);
    expect(outcome.registered).toEqual(['selfhosted:gitlab@b.example.com']);
    expect(outcome.skipped).toEqual([{ domain: 'a.example.com', integration: 'gitlab', reason: 'failed' }]);
  });
});

describe('registerSelfHostedScripts', () => {
  const permissionListeners: Array<() => void> = [];
  beforeEach(() => {
    fakeBrowser.reset();
    permissionListeners.length = 0;
    // The fake browser has no permissions events; Chrome fires them when the user grants or revokes access.
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
      vi.spyOn(event, 'addListener').mockImplementation((listener) => void permissionListeners.push(listener as () => void));
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it('follows the lists as the options page writes them', async () => {
    const registry = fakeRegistry();
    registerSelfHostedScripts(registry);
    await selfHostedDomains.setValue([{ domain: 'gitlab.example.com', integration: 'gitlab' }]);
    await vi.waitFor(() => expect([...registry.scripts.keys()]).toEqual(['selfhosted:gitlab@gitlab.example.com']));
    await customIntegrations.setValue([CUSTOM]);
    await vi.waitFor(() => expect([...registry.scripts.keys()]).toEqual(['selfhosted:gitlab@gitlab.example.com', 'selfhosted:custom@tickets.example.com']));
    await selfHostedDomains.setValue([]);
    await vi.waitFor(() => expect([...registry.scripts.keys()]).toEqual(['selfhosted:custom@tickets.example.com']));
  });

  it('syncs again on install or update, on browser start and when a permission changes', async () => {
    const registry = fakeRegistry([]);
    await selfHostedDomains.setValue([{ domain: 'gitlab.example.com', integration: 'gitlab' }]);
    registerSelfHostedScripts(registry);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' } as never);
    await vi.waitFor(() => expect(registry.granted).toHaveBeenCalled());
    expect(registry.scripts.size).toBe(0); // not granted yet

    registry.grant('*://gitlab.example.com/*');
    permissionListeners.forEach((listener) => listener());
    await vi.waitFor(() => expect(registry.scripts.size).toBe(1));

    registry.scripts.clear(); // as if the browser had dropped them
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(registry.scripts.size).toBe(1));
  });

  it('runs one sync at a time, and one more for requests made meanwhile', async () => {
    const registry = fakeRegistry();
    const resync = registerSelfHostedScripts(registry);
    await selfHostedDomains.setValue([{ domain: 'gitlab.example.com', integration: 'gitlab' }]);
    await Promise.all([resync(), resync(), resync()]);
    // The storage change and three requests: never two registrations of one id at once.
    expect(registry.register).toHaveBeenCalledTimes(1);
    expect(registry.scripts.size).toBe(1);
  });

  it('does nothing where the browser has no dynamic content scripts', async () => {
    const resync = registerSelfHostedScripts(null);
    expect(await resync()).toBeNull();
  });
});
