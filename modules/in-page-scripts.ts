import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { SITES, scriptFiles } from '../lib/integrations/catalog';

// The scripts that run in tracker pages (`entrypoints/<name>.in-page.ts`) are WXT unlisted
// scripts: a bare function, none of the content-script wrapper (its context and the browser API)
// that WXT would bundle into each. Only the core carries those (lib/integrations/core.ts).
// This module puts them where content scripts go, and lists the core before the tracker's own
// script in the manifest, for each tracker that has hosts of its own there.

const SUFFIX = /\.in-page\.[jt]s$/;

export default defineWxtModule({
  name: 'in-page-scripts',
  setup(wxt) {
    const built = new Set<string>();
    wxt.hook('entrypoints:resolved', (_, entrypoints) => {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'unlisted-script' && SUFFIX.test(entrypoint.inputPath)) {
          entrypoint.outputDir = resolve(wxt.config.outDir, 'content-scripts');
          built.add(entrypoint.name);
        }
      }
    });
    wxt.hook('build:manifestGenerated', (_, manifest) => {
      // A tracker in the catalogue without its script would be registered, and fail, at run time.
      const missing = SITES.filter((site) => !built.has(site.id)).map((site) => `entrypoints/${site.id}.in-page.ts`);
      if (missing.length) throw new Error(`Missing tracker scripts: ${missing.join(', ')}`);
      const listed = SITES.filter((site) => site.matches.length > 0);
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        ...listed.map((site) => ({ matches: [...site.matches], js: scriptFiles(site.id), ...(site.allFrames && { all_frames: true }) })),
      ];
    });
  },
});
