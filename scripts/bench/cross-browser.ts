import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRawMessage } from '../../tests/e2e/helpers/extension-messages';
import { FIXTURE_ROUTES, type FixtureRoute } from '../../tests/e2e/helpers/fixture-routes';
import { E2E_BUILD_DIR, FIREFOX_E2E_BUILD_DIR } from '../../tests/e2e/helpers/paths';
import { signInOn } from '../../tests/e2e/helpers/sign-in';
import { type BrowserName, launchTestBrowser, startFixturesFor, type TestBrowser, type TestPage } from '../../tests/e2e/helpers/test-browser';
import { trustedValue } from '../../tests/e2e/helpers/trusted-storage';
import { LARGE_TASK_COUNT, type Sandbox } from '../../tests/sandbox';
import { summarise } from './stats';

/**
 * One figure measured in each browser beside a baseline from the same run: the browser doing the
 * same thing without our work (an empty extension page, the page where nothing of ours runs, the
 * same loop over a trivial list). The figure is the difference, so a slow or busy machine moves
 * both and the figure means the same everywhere.
 */
export interface CrossBrowserFigure {
  name: string;
  unit: 'ms';
  budget?: number;
  how: string;
  /** Per browser: the measured median, the baseline's median (0 where none applies), and their difference (the figure). */
  results: Partial<Record<BrowserName, { measured: number; baseline: number; figure: number }>>;
}

const RUNS = 7;
const BLANK_PAGE = 'bench-blank.html';
const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';
/** The same issue page where no script of ours runs: the page's own load is the baseline. */
const PLAIN_HOST = 'plain.bench.test';
const BENCH_ROUTES: FixtureRoute[] = [...FIXTURE_ROUTES, { host: PLAIN_HOST, path: /^\/issue$/, file: 'github/issue.html' }];

/** The e2e build of `name` plus an empty page, in a throwaway folder: nothing of the bench ships. */
function benchBuild(name: BrowserName): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `timecamp-bench-${name}-`));
  cpSync(name === 'chromium' ? E2E_BUILD_DIR : FIREFOX_E2E_BUILD_DIR, dir, { recursive: true });
  writeFileSync(join(dir, BLANK_PAGE), '<!doctype html><html lang="en"><title>blank</title><div id="app"><p>blank</p></div></html>\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function times(runs: number, run: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await run());
  return summarise(values).median;
}

/** Time from asking for a page until `text` shows on it. */
async function openUntil(open: () => Promise<TestPage>, text: string): Promise<number> {
  const started = performance.now();
  const page = await open();
  await page.waitForText(text);
  const elapsed = performance.now() - started;
  await page.close();
  return elapsed;
}

/**
 * Milliseconds per keystroke (median and p95) typed into the field `selector` of `page`: from
 * setting the field's text until the page's answer is in the DOM and laid out. A MessageChannel
 * task runs after the render's microtasks (with none of the 4 ms clamp nested timeouts get), and
 * reading the layout then charges each keystroke with its own style and layout work. Between
 * keystrokes the page draws a frame, as it does between a person's: no keystroke pays for the
 * layout its predecessor left undone.
 */
function keystrokes(page: TestPage, selector: string): Promise<{ median: number; p95: number }> {
  return page.evaluate(
    async ({ selector, queries }) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      const channel = new MessageChannel();
      // (Written out at each use: a named helper would not survive the trip into the page.)
      const measured: number[] = [];
      for (const query of queries) {
        for (let end = 1; end <= query.length; end++) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          await new Promise<void>((resolve) => {
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          });
          const started = performance.now();
          input.value = query.slice(0, end);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise<void>((resolve) => {
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          });
          void document.body.offsetHeight;
          measured.push(performance.now() - started);
        }
      }
      measured.sort((a, b) => a - b);
      return { median: measured[Math.floor(measured.length / 2)]!, p95: measured[Math.min(measured.length - 1, Math.floor(measured.length * 0.95))]! };
    },
    { selector, queries: ['umbrella api 42', 'login', 'meetings', 'zolc', 'design review'] },
  );
}

/** A field filtering a ten-item list on every input: what any page does per keystroke, our search aside. */
function trivialList(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'trivial';
    const list = document.createElement('ul');
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
    input.addEventListener('input', () => {
      list.replaceChildren(...words.filter((word) => word.includes(input.value.slice(-1))).map((word) => Object.assign(document.createElement('li'), { textContent: word })));
    });
    document.body.append(input, list);
  }, undefined);
}

interface Measured {
  ping: [number, number];
  popupOpen: [number, number];
  keystrokeMedian: [number, number];
  keystrokeP95: [number, number];
  issueButton: [number, number];
}

async function measureIn(browser: TestBrowser, sandbox: Sandbox): Promise<Measured> {
  const options = await browser.openOptions();
  await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });
  await options.waitForText('Signed in as');
  // The popup opens on the cached tree: load and index it first, as a day's use has.
  await sendRawMessage(options, 'searchTasks', { query: 'a', limit: 5 });
  for (let tries = 0; ((await trustedValue<{ nodes?: unknown[] }>(options, 'tasks'))?.nodes?.length ?? 0) < LARGE_TASK_COUNT; tries++) {
    if (tries > 600) throw new Error('the task tree was not cached within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  await sendRawMessage(options, 'ping');
  const ping: [number, number] = [
    await times(RUNS * 3, async () => {
      const started = performance.now();
      await sendRawMessage(options, 'ping');
      return performance.now() - started;
    }),
    0,
  ];

  // Warm both once: the first page of a profile pays for the extension's process.
  await openUntil(() => browser.openExtensionPage(BLANK_PAGE), 'blank');
  await openUntil(() => browser.openPopup(), 'Start timer');
  const popupOpen: [number, number] = [
    await times(RUNS, () => openUntil(() => browser.openPopup(), 'Start timer')),
    await times(RUNS, () => openUntil(() => browser.openExtensionPage(BLANK_PAGE), 'blank')),
  ];

  const popup = await browser.openPopup();
  await popup.fill('Task', 'a');
  await popup.waitForRole('option');
  const typed = await keystrokes(popup, '[role=combobox]');
  await popup.close();
  const blank = await browser.openExtensionPage(BLANK_PAGE);
  await trivialList(blank);
  const trivial = await keystrokes(blank, '#trivial');
  await blank.close();

  const issueButton: [number, number] = [
    await times(RUNS, async () => {
      const started = performance.now();
      const page = await browser.open(ISSUE_URL);
      await page.waitForRole('button', 'Start timer');
      const elapsed = performance.now() - started;
      await page.close();
      return elapsed;
    }),
    await times(RUNS, async () => {
      const started = performance.now();
      const page = await browser.open(`https://${PLAIN_HOST}/issue`);
      await page.waitForText('Fix login redirect');
      const elapsed = performance.now() - started;
      await page.close();
      return elapsed;
    }),
  ];
  return { ping, popupOpen, keystrokeMedian: [typed.median, trivial.median], keystrokeP95: [typed.p95, trivial.p95], issueButton };
}

/** The popup's and a tracker page's figures in each browser, each beside its baseline. */
export async function crossBrowserFigures(browsers: BrowserName[], startSandbox: () => Promise<Sandbox>): Promise<CrossBrowserFigure[]> {
  const figures: CrossBrowserFigure[] = [
    { name: 'background: answer to a message', unit: 'ms', how: 'a ping from the options page to the service worker (Chromium) or event page (Firefox) and back, running', results: {} },
    { name: `popup: open to usable, ${LARGE_TASK_COUNT.toLocaleString('en')} tasks cached`, unit: 'ms', budget: 100, how: 'open popup.html until Start timer shows, minus an empty extension page until its text shows', results: {} },
    { name: 'popup: search keystroke (median)', unit: 'ms', budget: 5, how: 'text set in the Task field to its list laid out, over the cached tree, a frame between keystrokes, minus the same keystrokes on a ten-item list', results: {} },
    { name: 'popup: search keystroke (p95)', unit: 'ms', budget: 5, how: 'the same keystrokes, 95th percentile of each', results: {} },
    { name: 'tracker page: load to Start timer button', unit: 'ms', how: 'open the GitHub issue fixture until its button shows, minus the same page where nothing of ours runs', results: {} },
  ];
  for (const name of browsers) {
    const build = benchBuild(name);
    const sandbox = await startSandbox();
    const fixtures = await startFixturesFor(name, BENCH_ROUTES);
    const browser = await launchTestBrowser(name, { fixtures, extensionDir: build.dir });
    try {
      const measured = await measureIn(browser, sandbox);
      const pairs = [measured.ping, measured.popupOpen, measured.keystrokeMedian, measured.keystrokeP95, measured.issueButton];
      pairs.forEach(([value, baseline], i) => (figures[i]!.results[name] = { measured: value, baseline, figure: value - baseline }));
    } finally {
      await browser.close();
      await Promise.all([fixtures.close(), sandbox.close()]);
      build.remove();
    }
  }
  return figures;
}
