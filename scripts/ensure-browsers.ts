// Finds the browsers the end-to-end tests drive (Chromium and Firefox), installing Debian's
// packages when that is possible without asking anyone. Run it directly to install both and print
// their paths (`npx tsx scripts/ensure-browsers.ts`), or import it from test setup. It never lets
// the tests skip: a missing browser is a failure with one line saying what to do.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

interface BrowserSpec {
  name: string;
  /** Points at the executable to use instead of the usual locations. */
  envVar: string;
  usualLocations: string[];
  debianPackage: string;
}

const CHROMIUM: BrowserSpec = {
  name: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  // Chromium builds come first: branded Google Chrome ignores `--load-extension` since version 137, so it is the last resort.
  usualLocations: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  debianPackage: 'chromium',
};

const FIREFOX: BrowserSpec = {
  name: 'Firefox',
  envVar: 'FIREFOX_PATH',
  // Temporary add-ons need no signature in ESR and Developer Edition as in release builds.
  usualLocations: [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/snap/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ],
  debianPackage: 'firefox-esr',
};

const howToFix = (spec: BrowserSpec) =>
  `${spec.name} not found: install it (Debian/Ubuntu: \`sudo apt-get install ${spec.debianPackage}\`) or set ${spec.envVar} to a ${spec.name} executable.`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to use, or undefined when there is none. Installs nothing. */
function find(spec: BrowserSpec, env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env[spec.envVar];
  if (chosen) {
    // A variable that points nowhere is a mistake to report, not a hint to fall back on.
    if (!isExecutable(chosen)) throw new BrowserNotFoundError(`${spec.envVar}=${chosen} is not an executable file; fix or unset it.`);
    return chosen;
  }
  return spec.usualLocations.find(isExecutable);
}

function isDebianLike(): boolean {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

function installWithApt(spec: BrowserSpec): void {
  process.stderr.write(`${spec.name} not found; installing it with apt-get (Debian/Ubuntu, running as root).\n`);
  for (const args of [['update'], ['install', '-y', spec.debianPackage]]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new BrowserNotFoundError(`\`apt-get ${args.join(' ')}\` failed; ${howToFix(spec)}`);
  }
}

/** The browser to use; installs it when it is missing and that can be done unattended. */
function ensure(spec: BrowserSpec, env: NodeJS.ProcessEnv): string {
  const found = find(spec, env);
  if (found) return found;
  if (process.platform === 'linux' && process.getuid?.() === 0 && isDebianLike()) {
    installWithApt(spec);
    const installed = find(spec, env);
    if (installed) return installed;
  }
  throw new BrowserNotFoundError(howToFix(spec));
}

export const findChromium = (env: NodeJS.ProcessEnv = process.env) => find(CHROMIUM, env);
export const findFirefox = (env: NodeJS.ProcessEnv = process.env) => find(FIREFOX, env);
export const ensureChromium = (env: NodeJS.ProcessEnv = process.env) => ensure(CHROMIUM, env);
export const ensureFirefox = (env: NodeJS.ProcessEnv = process.env) => ensure(FIREFOX, env);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.stdout.write(`${ensureChromium()}\n${ensureFirefox()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
