import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          // A safety net for a test that hangs, not a speed limit: a view's first render in a file can
          // take seconds on a loaded two-core machine.
          testTimeout: 20_000,
          setupFiles: ['tests/setup/trusted-storage.ts', 'tests/setup/english-catalogue.ts', 'tests/setup/quiet-frame-loads.ts', 'tests/setup/missing-events.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: the machine has two cores and each test owns a browser.
          fileParallelism: false,
          // Builds the extension once and makes sure Chromium exists before any file runs.
          globalSetup: ['tests/e2e/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
