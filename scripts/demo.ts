// `npm run demo`: the product against the sandbox TimeCamp server, no account needed.
// Builds the extension, starts the sandbox (demo account) and the tracker fixture pages,
// and opens Chromium with the extension signed in. With a display it leaves a window to
// play with until it is closed; without one (or with --headless) it takes a short tour
// (sign in, start from a tracker's button, the timer in the popup, stop, today's
// entry, the day view) and writes its screenshots to demo-output/.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../tests/e2e/helpers/fixture-server';
import { launchExtension } from '../tests/e2e/helpers/launch-extension';
import { PROJECT_ROOT } from '../tests/e2e/helpers/paths';
import { screenshot } from '../tests/e2e/helpers/screenshot';
import { signInThroughOptions } from '../tests/e2e/helpers/sign-in';
import { startSandbox } from '../tests/sandbox';
import { ensureChromium } from './ensure-browsers';

const OUTPUT_DIR = join(PROJECT_ROOT, 'demo-output');
const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';

const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function build(): void {
  console.log('Building the extension…');
  const run = spawnSync('npm', ['run', 'build:e2e'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}${run.stderr}`);
}

async function main(): Promise<void> {
  build();
  ensureChromium();
  const sandbox = await startSandbox();
  const fixtures = await startFixtureServer();
  const extension = await launchExtension({ hostMap: fixtures.hostMap, headless });
  const stop = async () => {
    await extension.close().catch(() => undefined);
    await Promise.all([fixtures.close(), sandbox.close()]);
  };

  try {
    const shots: string[] = [];
    const shoot = async (page: Page, name: string) => {
      if (headless) shots.push(await screenshot(page, name, OUTPUT_DIR));
    };
    if (headless) await rm(OUTPUT_DIR, { recursive: true, force: true });

    // 1. Sign in the way a user does, on the options page.
    const options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
    await shoot(options, '1-options-signed-in');

    // 2. A tracker's issue page, served from a fixture under its real address: its button starts the timer.
    const issue = await extension.context.newPage();
    await issue.goto(ISSUE_URL);
    const button = issue.locator('timecamp-button').getByRole('button', { name: 'Start timer' });
    await button.waitFor();
    await shoot(issue, '2-github-issue');
    if (headless) {
      await button.click();
      await issue.locator('timecamp-button').getByRole('button', { name: 'Stop timer' }).waitFor();
      await shoot(issue, '3-github-issue-running');
    }

    // 3. The toolbar popup (opened as a tab: nothing can click the toolbar for us).
    const popup = await extension.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 }).catch(() => undefined);
    if (headless) {
      await popup.getByRole('timer').waitFor();
      await shoot(popup, '4-popup-running');
      // 4. Stop it there, and the entry is in today's list.
      await popup.getByRole('button', { name: 'Stop timer' }).click();
      await popup.getByRole('list', { name: "Today's entries" }).getByText('#12 Fix login redirect after sign-in').first().waitFor();
      await shoot(popup, '5-popup-today');
      // 5. The popup's Day view button opens today in a tab, the entry just stopped on its timeline.
      const [day] = await Promise.all([extension.context.waitForEvent('page'), popup.getByRole('button', { name: 'Day view' }).click()]);
      await day.getByRole('group', { name: 'Entries' }).getByRole('button').first().waitFor();
      await shoot(day, '6-day-view');
    }

    if (headless) {
      console.log(`Demo tour done. Screenshots:\n${shots.map((path) => `  ${relative(process.cwd(), path)}`).join('\n')}`);
      await stop();
      return;
    }
    console.log(
      [
        'Chromium is open with the extension signed in to the sandbox TimeCamp server.',
        `  Sandbox API: ${sandbox.url}   demo token: ${sandbox.token}`,
        `  Try a tracker page: ${ISSUE_URL}`,
        'Close the browser window (or press Ctrl+C) to stop.',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      extension.context.on('close', () => resolve());
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
