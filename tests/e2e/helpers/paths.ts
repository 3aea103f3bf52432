import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project's root, wherever the checkout lives. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `npm run build:e2e`: the shipped extension plus test-only hosts. The tests load this one. */
export const E2E_BUILD_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3-e2e');
/** `npm run build:e2e:firefox`: the same for Firefox. */
export const FIREFOX_E2E_BUILD_DIR = join(PROJECT_ROOT, '.output', 'firefox-mv2-e2e');
/** `wxt build`: what users install from the store. */
export const SHIPPED_BUILD_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');

export const FIXTURES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures');
/** Ignored by git (`test-results/`); kept after the run so a failure can be looked at. */
export const SCREENSHOTS_DIR = join(PROJECT_ROOT, 'test-results', 'e2e');
