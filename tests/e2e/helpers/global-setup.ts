import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureFirefox } from '../../../scripts/ensure-browsers';
import { PROJECT_ROOT } from './paths';

/**
 * Runs once before the e2e files: both browsers must exist (installed if need
 * be, never skipped) and the builds must match the sources. Set
 * E2E_SKIP_BUILD=1 to reuse builds you just made.
 */
export default function setup(): void {
  ensureChromium();
  ensureFirefox();
  if (process.env.E2E_SKIP_BUILD === '1') return;
  build(['run', 'build:e2e']);
  build(['run', 'build:e2e:firefox']);
  // The shipped Chrome build, for the check that test-only hosts never reach users.
  build(['exec', '--', 'wxt', 'build']);
}

function build(npmArgs: string[]): void {
  // Vitest sets NODE_ENV=test, and WXT builds in whatever NODE_ENV it finds: development JSX in
  // every page. The tests must load the code users run.
  const run = spawnSync('npm', npmArgs, { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (run.status !== 0) {
    // The build's own output says what broke; show it only then, to keep passing runs quiet.
    throw new Error(`\`npm ${npmArgs.join(' ')}\` failed:\n${run.stdout}${run.stderr}`);
  }
}
