// `npm run demo`: the product against the sandbox TimeCamp server, no account needed.
// Builds the extension, starts the sandbox (demo account) and the tracker fixture pages,
// and opens Chromium (or Firefox, with `--browser firefox`) with the extension signed in.
// With a display it leaves a window to play with until it is closed; without one (or with
// --headless) it takes a short tour (sign in, start from a tracker's button, the timer in the
// popup, stop, today's entry, the day view) and writes its screenshots to demo-output/
// (demo-output/firefox/ for Firefox).
import { spawnSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../tests/e2e/helpers/paths';
import { signInOn } from '../tests/e2e/helpers/sign-in';
import { BROWSERS, type BrowserName, launchTestBrowser, startFixturesFor, type TestPage } from '../tests/e2e/helpers/test-browser';
import { startSandbox } from '../tests/sandbox';
import { ensureChromium, ensureFirefox } from './ensure-browsers';

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';

const { values: args } = parseArgs({ options: { headless: { type: 'boolean', default: false }, browser: { type: 'string', default: 'chromium' } } });
const headless = args.headless || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!(BROWSERS as readonly string[]).includes(args.browser)) throw new Error(`--browser ${args.browser}: choose ${BROWSERS.join(' or ')}`);
const browserName = args.browser as BrowserName;
const OUTPUT_DIR = join(PROJECT_ROOT, 'demo-output', ...(browserName === 'chromium' ? [] : [browserName]));

function build(): void {
  console.log('Building the extension…');
  const run = spawnSync('npm', ['run', browserName === 'chromium' ? 'build:e2e' : 'build:e2e:firefox'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}${run.stderr}`);
}

async function removePictures(dir: string): Promise<void> {
  const files = await readdir(dir).catch(() => []);
  await Promise.all(files.filter((file) => file.endsWith('.png')).map((file) => rm(join(dir, file))));
}

async function main(): Promise<void> {
  build();
  if (browserName === 'chromium') ensureChromium();
  else ensureFirefox();
  const sandbox = await startSandbox();
  const fixtures = await startFixturesFor(browserName);
  const browser = await launchTestBrowser(browserName, { fixtures, headless });
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await Promise.all([fixtures.close(), sandbox.close()]);
  };

  try {
    const shots: string[] = [];
    const shoot = async (page: TestPage, name: string) => {
      if (headless) shots.push(await page.screenshot(name, OUTPUT_DIR));
    };
    // A tour that stops half-way must not leave last run's pictures looking current (Firefox's folder is its own).
    if (headless) await removePictures(OUTPUT_DIR);

    // 1. Sign in the way a user does, on the options page.
    const options = await browser.openOptions();
    await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.waitForText('Signed in as');
    await shoot(options, '1-options-signed-in');

    // 2. A tracker's issue page, served from a fixture under its real address: its button starts the timer.
    const issue = await browser.open(ISSUE_URL);
    await issue.waitForRole('button', 'Start timer');
    await shoot(issue, '2-github-issue');
    if (headless) {
      await issue.click('button', 'Start timer');
      await issue.waitForRole('button', 'Stop timer');
      await shoot(issue, '3-github-issue-running');
    }

    // 3. The toolbar popup (opened as a tab: nothing can click the toolbar for us).
    const popup = await browser.openPopup();
    await popup.setViewport({ width: 360, height: 600 }).catch(() => undefined);
    if (headless) {
      await popup.waitForRole('timer');
      await shoot(popup, '4-popup-running');
      // 4. Stop it there, and the entry is in today's list.
      await popup.click('button', 'Stop timer');
      await popup.waitForRole('list', "Today's entries");
      await popup.waitForText('#12 Fix login redirect after sign-in');
      await shoot(popup, '5-popup-today');
      // 5. The popup's Day view button opens today in a tab, the entry just stopped on its timeline.
      const day = await popup.clickOpening('button', 'Day view');
      await day.waitForRole('group', 'Entries');
      await day.waitForText('Fix login redirect');
      await shoot(day, '6-day-view');
    }

    if (headless) {
      console.log(`Demo tour done. Screenshots:\n${shots.map((path) => `  ${relative(process.cwd(), path)}`).join('\n')}`);
      await stop();
      return;
    }
    console.log(
      [
        `${browserName === 'chromium' ? 'Chromium' : 'Firefox'} is open with the extension signed in to the sandbox TimeCamp server.`,
        `  Sandbox API: ${sandbox.url}   demo token: ${sandbox.token}`,
        `  Try a tracker page: ${ISSUE_URL}`,
        'Close the browser window (or press Ctrl+C) to stop.',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      void browser.closed().then(resolve);
      process.once('SIGINT', () => resolve());
    });
    await stop();
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});
