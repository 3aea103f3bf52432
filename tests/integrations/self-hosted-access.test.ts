import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSelfHostedScripts, type ScriptRegistry } from '@/lib/integrations/self-hosted';

// Access nothing listed uses is given back at browser start and on install or update, before the
// scripts are synced; never when a permission was just granted, as the options page stores what
// it was granted for a moment later.

describe('giving back unused access from the background', () => {
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

  function registry(): ScriptRegistry {
    return { registered: vi.fn(async () => []), register: vi.fn(), unregister: vi.fn(), granted: vi.fn(async () => false) };
  }

  it('happens at browser start and on install or update, then the scripts are synced', async () => {
    const order: string[] = [];
    const scripts = registry();
    vi.mocked(scripts.registered).mockImplementation(async () => (order.push('sync'), []));
    const releaseUnused = vi.fn(async () => void order.push('release'));
    registerSelfHostedScripts(scripts, releaseUnused);

    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(order).toEqual(['release', 'sync']));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' } as never);
    await vi.waitFor(() => expect(order).toEqual(['release', 'sync', 'release', 'sync']));
  });

  it('never follows a grant, and a failure to give back keeps the sync going', async () => {
    const scripts = registry();
    const releaseUnused = vi.fn(async () => {
      throw new Error('permissions unavailable');
    });
    registerSelfHostedScripts(scripts, releaseUnused);

    permissionListeners.forEach((listener) => listener());
    await vi.waitFor(() => expect(scripts.registered).toHaveBeenCalledTimes(1));
    expect(releaseUnused).not.toHaveBeenCalled();

    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(scripts.registered).toHaveBeenCalledTimes(2));
    expect(releaseUnused).toHaveBeenCalledTimes(1);
  });

  it('happens even where the browser has no dynamic content scripts', async () => {
    const releaseUnused = vi.fn(async () => []);
    registerSelfHostedScripts(null, releaseUnused);

    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(releaseUnused).toHaveBeenCalledTimes(1));
  });
});
