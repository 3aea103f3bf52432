// @ts-check
/**
 * Mutation testing, run on demand with `npm run mutate` (not in CI), which runs
 * Stryker once per folder with that folder's tests (scripts/mutate.ts).
 * Runs the `unit` Vitest project only (vitest.stryker.config.ts); never e2e.
 * Narrow it from the command line, e.g. `npx stryker run --mutate lib/timer/idle.ts --testFiles tests/timer/idle.test.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.stryker.config.ts',
    // Dry run only the test files that import the mutated code.
    related: true,
  },
  mutate: ['lib/timer/**/*.ts', 'lib/api/**/*.ts', 'lib/entries/**/*.ts', '!**/*.d.ts'],
  // Only run the tests that cover each mutant.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level code: valibot schemas, constants) can only be
  // tested by reloading every module and running every related test; in lib/api
  // they are ~40% of all mutants and would take hours. They are reported as
  // "ignored" and left out of the score. Set to false to include them.
  ignoreStatic: true,
  // Two cores: one Vitest worker per core.
  concurrency: 2,
  // Build output, screenshots and reports need not be copied into the sandbox.
  ignorePatterns: [
    '/.output',
    '/coverage',
    '/test-results',
    '/demo-output',
    '/web-ext-artifacts',
    '/bench-results.json',
  ],
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // Score table plus a diff of each surviving mutant; no per-test listing.
  clearTextReporter: { logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

export default config;
