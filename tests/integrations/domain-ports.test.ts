import { afterEach, describe, expect, it, vi } from 'vitest';
import { onAddedPort, onDomain } from '@/lib/integrations/domain';
import { syncScripts, wantedScripts, type ScriptRegistry } from '@/lib/integrations/self-hosted';

// A self-hosted `host:port` gets its script on that port only: in the pattern where the browser's
// patterns can name a port (Chrome), in the script's own check where they cannot (Firefox).

describe('a domain with a port', () => {
  it('is registered and asked for on that port only, one registration per port', () => {
    const { wanted } = wantedScripts(
      [
        { domain: 'redmine.example.org:8443', integration: 'redmine' },
        { domain: 'redmine.example.org:9443', integration: 'redmine' },
        { domain: 'redmine.example.org', integration: 'redmine' },
      ],
      [],
    );
    // Chrome takes a port after `https` or `http` only, never after `*`.
    expect(wanted.map(({ id, patterns }) => [id, patterns])).toEqual([
      ['selfhosted:redmine@redmine.example.org:8443', ['https://redmine.example.org:8443/*', 'http://redmine.example.org:8443/*']],
      ['selfhosted:redmine@redmine.example.org:9443', ['https://redmine.example.org:9443/*', 'http://redmine.example.org:9443/*']],
      ['selfhosted:redmine@redmine.example.org', ['*://redmine.example.org/*']],
    ]);
  });

  it('keeps its registration when Chrome lists the patterns in an order of its own', async () => {
    const domains = [{ domain: 'redmine.example.org:8443', integration: 'redmine' }];
    const registry: ScriptRegistry = {
      // As Chrome answers getRegisteredContentScripts: `http` before `https`.
      registered: async () => [{ id: 'selfhosted:redmine@redmine.example.org:8443', js: ['content-scripts/core.js', 'content-scripts/redmine.js'], matches: ['http://redmine.example.org:8443/*', 'https://redmine.example.org:8443/*'] }],
      register: vi.fn(async () => undefined),
      unregister: vi.fn(async () => undefined),
      granted: async () => true,
    };
    expect(await syncScripts(registry, domains, [])).toEqual({ registered: [], unregistered: [], skipped: [] });
  });

  describe('in a Firefox build', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });

    it('is registered on its host, as Firefox cannot match a port', async () => {
      vi.stubEnv('FIREFOX', 'true');
      vi.resetModules();
      const firefox = await import('@/lib/integrations/self-hosted');

      const { wanted } = firefox.wantedScripts([{ domain: 'redmine.example.org:8443', integration: 'redmine' }], []);
      expect(wanted.map(({ id, patterns }) => [id, patterns])).toEqual([['selfhosted:redmine@redmine.example.org', ['*://redmine.example.org/*']]]);
    });
  });

  it('matches a page on the same port, the scheme’s default port included', () => {
    expect(onDomain('help.example.com:443', new URL('https://help.example.com/tickets/1'))).toBe(true);
    expect(onDomain('help.example.com:80', new URL('http://help.example.com/tickets/1'))).toBe(true);
    expect(onDomain('help.example.com:443', new URL('http://help.example.com/tickets/1'))).toBe(false);
    expect(onDomain('help.example.com:8443', new URL('https://help.example.com:9443/tickets/1'))).toBe(false);
    expect(onDomain('Help.Example.com:8443', new URL('https://help.example.com:8443/tickets/1'))).toBe(true);
  });
});

describe("a script's own port check (where the pattern could not name the port)", () => {
  const domains = [
    { domain: 'redmine.example.org:8443', integration: 'redmine' },
    { domain: 'git.example.org:3000', integration: 'gitea' },
    { domain: 'git.example.org', integration: 'gitlab' },
  ];

  it('runs on a port added for its integration, and not on another port of that host', () => {
    expect(onAddedPort('redmine', domains, new URL('https://redmine.example.org:8443/issues/1'))).toBe(true);
    expect(onAddedPort('redmine', domains, new URL('https://redmine.example.org/issues/1'))).toBe(false);
    expect(onAddedPort('redmine', domains, new URL('http://redmine.example.org:8080/issues/1'))).toBe(false);
    expect(onAddedPort('gitea', domains, new URL('http://git.example.org:3000/a/b/issues/1'))).toBe(true);
    expect(onAddedPort('gitea', domains, new URL('https://git.example.org/a/b/issues/1'))).toBe(false);
    // A domain without a port is the host on every port.
    expect(onAddedPort('gitlab', domains, new URL('https://git.example.org:8443/g/p/-/issues/1'))).toBe(true);
  });

  it("runs on the tracker's own hosts, where the manifest injects it, and on whatever storage holds", () => {
    expect(onAddedPort('gitea', domains, new URL('https://codeberg.org/a/b/issues/1'))).toBe(true);
    expect(onAddedPort('redmine', 'junk', new URL('https://redmine.example.org/issues/1'))).toBe(true);
    expect(onAddedPort('redmine', [null, 7, { domain: 3 }], new URL('https://redmine.example.org/issues/1'))).toBe(true);
  });
});
