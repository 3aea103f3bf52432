import { spawnSync } from 'node:child_process';
import { startFixtureServer } from '../../tests/e2e/helpers/fixture-server';
import { launchExtension } from '../../tests/e2e/helpers/launch-extension';
import { signInThroughOptions } from '../../tests/e2e/helpers/sign-in';
import { LARGE_TASK_COUNT, startSandbox } from '../../tests/sandbox';
import { BROWSERS } from '../../tests/e2e/helpers/test-browser';
import { ensureChromium, ensureFirefox } from '../ensure-browsers';
import { requestCounts, workerHeapWithTasks } from './browser-figures';
import { benchBuild, type CrossBrowserFigure, crossBrowserFigures } from './cross-browser';
import { BENCH_ROUTES, BOARD_HOST } from './board-figure';
import { boardPlacement, mutationBurst, pageLoadCost } from './page-figures';
import { pickerOpen } from './picker-figure';
import type { TimingFigure } from './report';
import { searchPerKeystroke } from './search-figure';
import { dayViewFigures } from './day-figure';

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';

/**
 * Figures measured by running things against the sandbox (large seed): the popup's, the
 * background's and a tracker page's in both browsers, each beside a baseline; the rest in Chromium
 * through the DevTools protocol; and the search index in Node.
 */
export async function measureTimings(root: string): Promise<{ timings: TimingFigure[]; crossBrowser: CrossBrowserFigure[] }> {
  for (const script of ['build:e2e', 'build:e2e:firefox']) {
    const build = spawnSync('npm', ['run', script], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run ${script} failed:\n${build.stdout}${build.stderr}`);
  }
  ensureChromium();
  ensureFirefox();
  const crossBrowser = await crossBrowserFigures([...BROWSERS], () => startSandbox({ seed: 'large' }));

  const figures = await searchPerKeystroke();
  const sandbox = await startSandbox({ seed: 'large' });
  const fixtures = await startFixtureServer(BENCH_ROUTES);
  const build = benchBuild('chromium');
  const extension = await launchExtension({ hostMap: fixtures.hostMap, extensionDir: build.dir });
  try {
    const page = await extension.openOptions();
    await signInThroughOptions(page, { token: sandbox.token, serverUrl: sandbox.url });
    await page.getByText('Signed in as').waitFor();

    figures.push(await workerHeapWithTasks(extension, page, LARGE_TASK_COUNT));
    figures.push(...(await requestCounts(extension, page, sandbox, ISSUE_URL)));

    // The board is marked up with the attribute contract: turn it on for the board's host, as a user would.
    await page.evaluate(async (domain) => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local;
      await local.set({ selfHostedDomains: [{ domain, integration: 'attributes' }] });
    }, BOARD_HOST);
    await extension.serviceWorker.evaluate(async (domain) => {
      type Scripting = { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } };
      const { chrome } = globalThis as unknown as Scripting;
      for (let tries = 0; tries < 200; tries++) {
        if ((await chrome.scripting.getRegisteredContentScripts()).some((script) => script.matches?.some((m) => m.includes(domain)))) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no content script registered for ${domain}`);
    }, BOARD_HOST);
    figures.push(await boardPlacement(extension));
    figures.push(...(await mutationBurst(extension)));
    figures.push(await pageLoadCost(extension, ISSUE_URL));
    figures.push(...(await pickerOpen(extension, page, ISSUE_URL)));
    figures.push(...(await dayViewFigures(extension, sandbox)));
  } finally {
    await extension.close();
    await Promise.all([fixtures.close(), sandbox.close()]);
    build.remove();
  }
  return { timings: figures, crossBrowser };
}
