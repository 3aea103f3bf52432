import { spawnSync } from 'node:child_process';
import { startFixtureServer } from '../../tests/e2e/helpers/fixture-server';
import { launchExtension } from '../../tests/e2e/helpers/launch-extension';
import { signInThroughOptions } from '../../tests/e2e/helpers/sign-in';
import { LARGE_TASK_COUNT, startSandbox } from '../../tests/sandbox';
import { ensureChromium } from '../ensure-chromium';
import { popupFirstRender, requestCounts, workerColdStart, workerHeapWithTasks } from './browser-figures';
import type { TimingFigure } from './report';
import { searchPerKeystroke } from './search-figure';

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';

/** Figures measured by running things: the extension in Chromium against the sandbox (large seed), and the search index in Node. */
export async function measureTimings(root: string): Promise<TimingFigure[]> {
  const build = spawnSync('npm', ['run', 'build:e2e'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:e2e failed:\n${build.stdout}${build.stderr}`);
  ensureChromium();

  const figures = await searchPerKeystroke();
  const sandbox = await startSandbox({ seed: 'large' });
  const fixtures = await startFixtureServer();
  const extension = await launchExtension({ hostMap: fixtures.hostMap });
  try {
    const page = await extension.openOptions();
    await signInThroughOptions(page, { token: sandbox.token, serverUrl: sandbox.url });
    await page.getByText('Signed in as').waitFor();

    figures.push(await workerColdStart(extension, page));
    figures.push(await workerHeapWithTasks(extension, page, LARGE_TASK_COUNT));
    figures.push(await popupFirstRender(extension));
    figures.push(...(await requestCounts(extension, page, sandbox, ISSUE_URL)));
  } finally {
    await extension.close();
    await Promise.all([fixtures.close(), sandbox.close()]);
  }
  return figures;
}
