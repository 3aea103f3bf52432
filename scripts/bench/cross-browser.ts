import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRawMessage } from '../../tests/e2e/helpers/extension-messages';
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
  /** Per browser: the measured median, the baseline's median (0 where none applies), and the figure. */
  results: Partial<Record<BrowserName, Result>>;
}

/** The figure: the difference of the two medians, or, where they were taken in pairs, the median of the pairs' differences. */
type Result = { measured: number; baseline: number; figure: number };

const RUNS = 11;
/** Rounds of the typed queries (see `keystrokes`). */
const ROUNDS = 5;
const BLANK_PAGE = 'bench-blank.html';
const PROBE = 'bench-probe.js';
const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';

/**
 * Run first in a page of the bench's copy of the build: notes in `window.__drawnAt` when `text`
 * is first in the page and drawn (the frame after it, once that frame's work is done). Timed in
 * the page from its navigation's start, none of the automation's round trips count.
 */
const PROBE_SCRIPT = `(() => {
  const text = document.currentScript.dataset.text;
  const observer = new MutationObserver(() => {
    if (!document.body || !document.body.textContent.includes(text)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (window.__drawnAt = performance.now());
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
`;

/**
 * Run in the tracker page before its own scripts: notes in `window.__buttonAt` when our button's
 * element is first in the page, from the navigation's start.
 */
const BUTTON_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('timecamp-button')) return;
    observer.disconnect();
    window.__buttonAt = performance.now();
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

/** `page` (a file of the build) with the probe for `text` run before anything else in it. */
function withProbe(html: string, text: string): string {
  return html.replace(/<head>|<html[^>]*>/, (open) => `${open}<script src="/${PROBE}" data-text="${text}"></script>`);
}

/** The e2e build of `name` plus an empty page and the probe, in a throwaway folder: nothing of the bench ships. */
function benchBuild(name: BrowserName): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `timecamp-bench-${name}-`));
  cpSync(name === 'chromium' ? E2E_BUILD_DIR : FIREFOX_E2E_BUILD_DIR, dir, { recursive: true });
  writeFileSync(join(dir, PROBE), PROBE_SCRIPT);
  writeFileSync(join(dir, BLANK_PAGE), withProbe('<!doctype html><html lang="en"><head><title>blank</title></head><body><div id="app"><p>blank</p></div></body></html>\n', 'blank'));
  const popup = join(dir, 'popup.html');
  writeFileSync(popup, withProbe(readFileSync(popup, 'utf8'), 'Start timer'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function times(runs: number, run: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await run());
  return summarise(values).median;
}

/** Milliseconds from the navigation's start until `text` was drawn on the page `open` opens (see PROBE_SCRIPT). */
async function drawnAt(open: () => Promise<TestPage>, text: string): Promise<number> {
  const page = await open();
  await page.waitForText(text);
  const drawn = await page.evaluate(async () => {
    const probed = window as unknown as { __drawnAt?: number };
    for (let tries = 0; probed.__drawnAt === undefined && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    return probed.__drawnAt;
  }, undefined);
  await page.close();
  if (drawn === undefined) throw new Error(`the bench's probe saw no "${text}" drawn`);
  return drawn;
}

/**
 * Milliseconds per keystroke (median and p95 over the keystrokes) typed into the field `selector`
 * of `page`: from setting the field's text until the page's answer is in the DOM and laid out. A
 * MessageChannel task runs after the render's microtasks (with none of the 4 ms clamp nested
 * timeouts get), and reading the layout then charges each keystroke with its own style and layout
 * work. Between keystrokes the page draws a frame, as it does between a person's: no keystroke
 * pays for the layout its predecessor left undone. The queries are typed `ROUNDS` times and each
 * keystroke counts with its fastest time: what the keystroke costs, not what another process took
 * from it at that moment; a keystroke that is slow by its nature is slow in every round.
 */
function keystrokes(page: TestPage, selector: string): Promise<{ median: number; p95: number }> {
  return page.evaluate(
    async ({ selector, queries, rounds }) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      const channel = new MessageChannel();
      // (Written out at each use: a named helper would not survive the trip into the page.)
      const fastest: number[] = [];
      for (let round = 0; round < rounds; round++) {
        let keystroke = 0;
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
            const took = performance.now() - started;
            fastest[keystroke] = Math.min(fastest[keystroke] ?? Infinity, took);
            keystroke++;
          }
        }
      }
      fastest.sort((a, b) => a - b);
      return { median: fastest[Math.floor(fastest.length / 2)]!, p95: fastest[Math.min(fastest.length - 1, Math.floor(fastest.length * 0.95))]! };
    },
    { selector, queries: ['umbrella api 42', 'login', 'meetings', 'zolc', 'design review'], rounds: ROUNDS },
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
  ping: Result;
  popupOpen: Result;
  keystrokeMedian: Result;
  keystrokeP95: Result;
  issueButton: Result;
}

const difference = (measured: number, baseline: number): Result => ({ measured, baseline, figure: measured - baseline });

/**
 * Measured and baseline taken in turns, each pair within moments of each other, and the figure
 * the median of the pairs' differences: a load that comes and goes during the run moves both
 * halves of a pair alike, where two separate series of runs would each meet it differently.
 */
async function paired(runs: number, measure: () => Promise<{ measured: number; baseline: number }>): Promise<Result> {
  const pairs: Array<{ measured: number; baseline: number }> = [];
  for (let run = 0; run < runs; run++) pairs.push(await measure());
  return {
    measured: summarise(pairs.map((pair) => pair.measured)).median,
    baseline: summarise(pairs.map((pair) => pair.baseline)).median,
    figure: summarise(pairs.map((pair) => pair.measured - pair.baseline)).median,
  };
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
  const ping = difference(
    await times(RUNS * 3, async () => {
      const started = performance.now();
      await sendRawMessage(options, 'ping');
      return performance.now() - started;
    }),
    0,
  );

  // Warm both once: the first page of a profile pays for the extension's process.
  await drawnAt(() => browser.openExtensionPage(BLANK_PAGE), 'blank');
  await drawnAt(() => browser.openPopup(), 'Start timer');
  // Extension pages start in a time that varies by a hundred milliseconds from one to the next:
  // more pairs than for the other figures, so their median holds still.
  const popupOpen = await paired(RUNS * 2, async () => ({
    measured: await drawnAt(() => browser.openPopup(), 'Start timer'),
    baseline: await drawnAt(() => browser.openExtensionPage(BLANK_PAGE), 'blank'),
  }));

  const popup = await browser.openPopup();
  await popup.fill('Task', 'a');
  await popup.waitForRole('option');
  const typed = await keystrokes(popup, '[role=combobox]');
  await popup.close();
  const blank = await browser.openExtensionPage(BLANK_PAGE);
  await trivialList(blank);
  const trivial = await keystrokes(blank, '#trivial');
  await blank.close();

  // The page's own DOMContentLoaded and our button, in the same load: nothing of ours runs before
  // the first (the content scripts run at document_idle), so the difference is all our cost.
  const issueButton = await paired(RUNS, async () => {
    const page = await browser.open(ISSUE_URL, { beforeLoad: BUTTON_PROBE });
    await page.waitForRole('button', 'Start timer');
    const load = await page.evaluate(
      () => ({
        measured: (window as unknown as { __buttonAt: number }).__buttonAt,
        baseline: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      }),
      undefined,
    );
    await page.close();
    return load;
  });
  return {
    ping,
    popupOpen,
    keystrokeMedian: difference(typed.median, trivial.median),
    keystrokeP95: difference(typed.p95, trivial.p95),
    issueButton,
  };
}

/** The popup's and a tracker page's figures in each browser, each beside its baseline. */
export async function crossBrowserFigures(browsers: BrowserName[], startSandbox: () => Promise<Sandbox>): Promise<CrossBrowserFigure[]> {
  const figures: CrossBrowserFigure[] = [
    { name: 'background: answer to a message', unit: 'ms', how: 'a ping from the options page to the service worker (Chromium) or event page (Firefox) and back, running', results: {} },
    { name: `popup: open to usable, ${LARGE_TASK_COUNT.toLocaleString('en')} tasks cached`, unit: 'ms', budget: 100, how: 'in the page, from navigation start until Start timer is drawn, minus an empty extension page opened in turn until its text is drawn (median of the differences)', results: {} },
    { name: 'popup: search keystroke (median)', unit: 'ms', budget: 5, how: 'text set in the Task field to its list laid out, over the cached tree, a frame between keystrokes, each keystroke its fastest of 5 rounds; minus the same on a ten-item list', results: {} },
    { name: 'popup: search keystroke (p95)', unit: 'ms', budget: 5, how: 'the same keystrokes, 95th percentile of each', results: {} },
    { name: 'tracker page: ready to Start timer button', unit: 'ms', how: "in the GitHub issue fixture, from navigation start until our button is in the page, minus the page's own DOMContentLoaded in the same load (median of the differences)", results: {} },
  ];
  for (const name of browsers) {
    const build = benchBuild(name);
    const sandbox = await startSandbox();
    const fixtures = await startFixturesFor(name);
    const browser = await launchTestBrowser(name, { fixtures, extensionDir: build.dir });
    try {
      const measured = await measureIn(browser, sandbox);
      [measured.ping, measured.popupOpen, measured.keystrokeMedian, measured.keystrokeP95, measured.issueButton].forEach((result, i) => (figures[i]!.results[name] = result));
    } finally {
      await browser.close();
      await Promise.all([fixtures.close(), sandbox.close()]);
      build.remove();
    }
  }
  return figures;
}
