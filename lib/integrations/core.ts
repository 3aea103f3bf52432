import type { Integration } from './define';

// Every tracker page runs two of our scripts, one after the other in the extension's isolated
// world: `content-scripts/core.js` (the framework, the messenger and the browser API: the bulk of
// the bytes) and the tracker's own `content-scripts/<id>.js` (its site file). The core leaves one
// function on that world's global, where the page can neither see nor set it, and the tracker's
// script hands it its integration. So the trackers ship the framework once. This file imports
// nothing that runs, so a tracker's script stays the size of its site file.

const CORE = Symbol.for('timecamp.tracker-core');

type Runner = (integration: Integration) => void;
type World = { [CORE]?: Runner };

/**
 * Leaves this world's runner, once: a second copy of the core (two registrations on one host)
 * keeps the first, which already runs its trackers. A tracker's script that runs again replaces
 * its own earlier run (`start` returns the undo) rather than placing its buttons twice.
 */
export function provideCore(start: (integration: Integration) => () => void, world: object = globalThis): void {
  const global = world as World;
  if (global[CORE]) return;
  const runs = new Map<string, () => void>();
  global[CORE] = (integration) => {
    runs.get(integration.id)?.();
    runs.set(integration.id, start(integration));
  };
}

/** Runs a tracker's integration on this page, with the core that ran before it. */
export function runOnCore(integration: Integration, world: object = globalThis): void {
  const run = (world as World)[CORE];
  // The manifest and every registration list the core first; without it there is nothing to run.
  if (!run) throw new Error(`TimeCamp: ${integration.id} ran without content-scripts/core.js`);
  run(integration);
}
