// Finds a Chromium the end-to-end tests can drive, installing Debian's package
// when that is possible without asking anyone. Run it directly to print the
// path (`npx tsx scripts/ensure-chromium.ts`), or import it from test setup.
// It never lets the tests skip: no browser is a failure with one line saying
// what to do.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Where Chromium usually lives. Chromium builds come first: branded Google
 * Chrome ignores `--load-extension` since version 137, so it is the last resort.
 */
export const USUAL_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

const HOW_TO_FIX =
  'Chromium not found: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium executable.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to use, or undefined when there is none. Installs nothing. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    // A variable that points nowhere is a mistake to report, not a hint to fall back on.
    if (!isExecutable(chosen)) {
      throw new ChromiumNotFoundError(`CHROMIUM_PATH=${chosen} is not an executable file; fix or unset it.`);
    }
    return chosen;
  }
  return USUAL_LOCATIONS.find(isExecutable);
}

function isDebianLike(): boolean {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

function installWithApt(): void {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log('Chromium not found; installing it with apt-get (Debian/Ubuntu, running as root).');
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) {
      throw new ChromiumNotFoundError(`\`apt-get ${args.join(' ')}\` failed; ${HOW_TO_FIX}`);
    }
  }
}

/** The Chromium to use; installs it when it is missing and that can be done unattended. */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env);
  if (found) return found;
  if (process.platform === 'linux' && process.getuid?.() === 0 && isDebianLike()) {
    installWithApt();
    const installed = findChromium(env);
    if (installed) return installed;
  }
  throw new ChromiumNotFoundError(HOW_TO_FIX);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
