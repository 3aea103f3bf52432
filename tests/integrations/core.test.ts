// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import coreScript from '@/entrypoints/core.in-page';
import githubScript from '@/entrypoints/github.in-page';
import { provideCore, runOnCore } from '@/lib/integrations/core';
import type { Integration } from '@/lib/integrations/define';
import { hosts, openPage, settle } from './helpers';

// A tracker page runs the shared core, then the tracker's own script, in one isolated world.

const site = (id: string) => ({ id }) as Integration;

describe('the shared core of the tracker pages', () => {
  it('runs what each tracker’s script hands it, and undoes a script’s earlier run when it runs again', () => {
    const world = {};
    const stops: string[] = [];
    const start = vi.fn((integration: Integration) => () => void stops.push(integration.id));
    provideCore(start, world);
    runOnCore(site('gitlab'), world);
    runOnCore(site('redmine'), world);
    expect(start.mock.calls.map(([integration]) => integration.id)).toEqual(['gitlab', 'redmine']);
    expect(stops).toEqual([]);

    runOnCore(site('gitlab'), world);
    expect(stops).toEqual(['gitlab']);
    expect(start).toHaveBeenCalledTimes(3);
  });

  it('keeps the first copy when a second registration on the host loads the core again', () => {
    const world = {};
    const first = vi.fn(() => () => undefined);
    const second = vi.fn(() => () => undefined);
    provideCore(first, world);
    provideCore(second, world);
    runOnCore(site('gitlab'), world);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });

  it('says which script ran without it', () => {
    expect(() => runOnCore(site('gitlab'), {})).toThrow('gitlab ran without content-scripts/core.js');
  });
});

describe('the built scripts, in the manifest’s order', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ res: undefined } as never);
  });
  afterEach(() => vi.restoreAllMocks());

  it('place GitHub’s button on an issue page', async () => {
    openPage('github/issue.html', 'https://github.com/octo/hello-world/issues/12');
    coreScript.main();
    githubScript.main();
    await settle();
    expect(hosts().map((host) => host.dataset.externalId)).toEqual(['github_issue_octo/hello-world#12']);
  });
});
