import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * Vitest config for `npm run mutate` only (see stryker.config.mjs): the shared
 * config with the `e2e` project dropped, so mutation testing never builds the
 * extension or launches Chromium. Everything else comes from vitest.config.ts.
 */
const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];
const unit = projects.filter((project) => project.test?.name === 'unit');
if (unit.length !== 1) throw new Error('vitest.config.ts has no `unit` project for Stryker to run');

export default defineConfig({
  ...base,
  test: { ...base.test, projects: unit },
});
