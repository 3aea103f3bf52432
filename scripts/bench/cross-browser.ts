import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRawMessage } from '../../tests/e2e/helpers/extension-messages';
import { E2E_BUILD_DIR, FIREFOX_E2E_BUILD_DIR } from '../../tests/e2e/helpers/paths';
import { signInOn } from '../../tests/e2e/helpers/sign-in';
import { type BrowserName, launchTestBrowser, startFixturesFor, type TestBrowser, type TestPage } from '../../tests/e2e/helpers/test-browser';
import { trustedValue } from '../../tests/e2e/helpers/trusted-storage';
import { LARGE_TASK_COUNT, type Sandbox } from '../../tests/sandbox';
import { BENCH_ROUTES, boardButtons, enableBoard } from './board-figure';
import { coldStart, keptAwake, timedPing } from './cold-start';
import { difference, paired, type Result, summarise } from './stats';

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


const RUNS = 11;
/** Rounds of the typed queries (see `keystrokes`). */
const ROUNDS = 5;
export const BLANK_PAGE = 'bench-blank.html';
const PROBE = 'bench-probe.js';
const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';

/**
 * Run first in a page of the bench's copy of the build: notes in `window.__drawnAt` when `text`
 * was first drawn, timed in the page from its navigation's start, so none of the automation's
 * round trips count. That is the page's first contentful paint (Paint Timing: when the browser
 * painted, or in Chromium presented, the frame) once the text was in the page by then. A task
 * queued behind that frame does not count: the popup's effects (subscribing to storage, asking
 * for a sync) run right after its first paint, and a message posted from the frame's
 * `requestAnimationFrame`, which this probe used before, waited for them (in Firefox 9 ms of a
 * popup's figure, 0.4 of the empty page's). Where a page paints something else first, or paint
 * timing is missing, the text's frame is timed that way still: from its animation frame to a
 * message after it.
 */
const PROBE_SCRIPT = `(() => {
  const text = document.currentScript.dataset.text;
  let textAt, frameAt, paintAt;
  const settle = () => {
    if (frameAt !== undefined && paintAt !== undefined) window.__drawnAt = paintAt >= textAt ? paintAt : frameAt;
  };
  if (PerformanceObserver.supportedEntryTypes.includes('paint')) {
    new PerformanceObserver((entries) => {
      const paint = entries.getEntriesByName('first-contentful-paint')[0];
      if (paint) (paintAt = paint.startTime), settle();
    }).observe({ type: 'paint', buffered: true });
  } else {
    paintAt = -1;
  }
  const observer = new MutationObserver(() => {
    if (!document.body || !document.body.textContent.includes(text)) return;
    observer.disconnect();
    textAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => ((frameAt = performance.now()), settle());
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

/**
 * The e2e build of `name` plus an empty page and the probe, in a throwaway folder: nothing of the
 * bench ships. The empty page may be framed by web pages, as the task picker is (the picker's
 * baseline in picker-figure.ts).
 */
export function benchBuild(name: BrowserName): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `timecamp-bench-${name}-`));
  cpSync(name === 'chromium' ? E2E_BUILD_DIR : FIREFOX_E2E_BUILD_DIR, dir, { recursive: true });
  writeFileSync(join(dir, PROBE), PROBE_SCRIPT);
  writeFileSync(join(dir, BLANK_PAGE), withProbe('<!doctype html><html lang="en"><head><title>blank</title></head><body><div id="app"><p>blank</p></div></body></html>\n', 'blank'));
  const popup = join(dir, 'popup.html');
  writeFileSync(popup, withProbe(readFileSync(popup, 'utf8'), 'Start timer'));
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { manifest_version: number; web_accessible_resources?: unknown[] };
  manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), manifest.manifest_version === 3 ? { resources: [BLANK_PAGE], matches: ['*://*/*'] } : BLANK_PAGE];
  writeFileSync(manifestFile, JSON.stringify(manifest));
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

/** The figures, in the order printed. */
const FIGURES = {
  ping: { name: 'background: answer to a message', unit: 'ms', how: 'a ping from the options page to the service worker (Chromium) or event page (Firefox) and back, running, timed in the page' },
  coldStart: { name: 'background: start when woken, to first answer', unit: 'ms', how: 'a ping to a background the browser unloaded (worker stopped; event page unloaded after 1 s idle), minus a ping right after to the running one (median of the differences)' },
  popupOpen: { name: `popup: open to usable, ${LARGE_TASK_COUNT.toLocaleString('en')} tasks cached`, unit: 'ms', budget: 100, how: 'in the page, from navigation start until Start timer is first painted (Paint Timing), minus an empty extension page opened in turn until its text is (median of the differences)' },
  keystrokeMedian: { name: 'popup: search keystroke (median)', unit: 'ms', budget: 5, how: 'text set in the Task field to its list laid out, over the cached tree, a frame between keystrokes, each keystroke its fastest of 5 rounds; minus the same on a ten-item list' },
  keystrokeP95: { name: 'popup: search keystroke (p95)', unit: 'ms', budget: 5, how: 'the same keystrokes, 95th percentile of each' },
  issueButton: { name: 'tracker page: ready to Start timer button', unit: 'ms', how: "in the GitHub issue fixture, from navigation start until our button is in the page, minus the page's own DOMContentLoaded in the same load (median of the differences)" },
  boardButtons: { name: 'tracker page: buttons on 1,000 new cards', unit: 'ms', budget: 16, how: 'a board fixture rendering 1,000 cards, timed in the page: its script, then the next frame from its first callback until laid out (our buttons placed in it), minus the same board where the extension does nothing (median of the differences)' },
} satisfies Record<string, Omit<CrossBrowserFigure, 'results'>>;

type Measured = Record<keyof typeof FIGURES, Result>;

/** Signs in on the options page and waits for the 10,000-task tree loaded and indexed, as a day's use has it. */
async function signIn(options: TestPage, sandbox: Sandbox): Promise<void> {
  await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });
  await options.waitForText('Signed in as');
  await sendRawMessage(options, 'searchTasks', { query: 'a', limit: 5 });
  for (let tries = 0; ((await trustedValue<{ nodes?: unknown[] }>(options, 'tasks'))?.nodes?.length ?? 0) < LARGE_TASK_COUNT; tries++) {
    if (tries > 600) throw new Error('the task tree was not cached within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measureIn(browser: TestBrowser, sandbox: Sandbox): Promise<Omit<Measured, 'coldStart'>> {
  const options = await browser.openOptions();
  await signIn(options, sandbox);
  await timedPing(options);
  const ping = difference(await times(RUNS * 3, () => timedPing(options)), 0);

  // Warm both once: the first page of a profile pays for the extension's process.
  await drawnAt(() => browser.openExtensionPage(BLANK_PAGE), 'blank');
  await drawnAt(() => browser.openPopup(), 'Start timer');
  // Extension pages start in a time that varies by a hundred milliseconds from one to the next:
  // more pairs than for the other figures, so their median holds still.
  const popupOpen = await paired(RUNS * 4, async () => ({
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
  await enableBoard(browser, options);
  const board = await boardButtons(browser);
  return {
    ping,
    popupOpen,
    keystrokeMedian: difference(typed.median, trivial.median),
    keystrokeP95: difference(typed.p95, trivial.p95),
    issueButton,
    boardButtons: board,
  };
}

/** `measure` in `name` launched on the bench's copy of its build, against a fresh sandbox and fixtures. */
async function inBrowser<T>(name: BrowserName, startSandbox: () => Promise<Sandbox>, options: { backgroundIdleMs?: number }, measure: (browser: TestBrowser, sandbox: Sandbox) => Promise<T>): Promise<T> {
  const build = benchBuild(name);
  const sandbox = await startSandbox();
  const fixtures = await startFixturesFor(name, BENCH_ROUTES);
  try {
    const browser = await launchTestBrowser(name, { fixtures, extensionDir: build.dir, ...options });
    try {
      return await measure(browser, sandbox);
    } finally {
      await browser.close();
    }
  } finally {
    await Promise.all([fixtures.close(), sandbox.close()]);
    build.remove();
  }
}

/** The popup's, the background's and a tracker page's figures in each browser, each beside its baseline. */
export async function crossBrowserFigures(browsers: BrowserName[], startSandbox: () => Promise<Sandbox>): Promise<CrossBrowserFigure[]> {
  const results = new Map<BrowserName, Measured>();
  for (const name of browsers) {
    const measured = await inBrowser(name, startSandbox, {}, measureIn);
    // Its own launch: Firefox unloads an idle event page after a second there, which would also
    // unload it between the steps above. Signing in, it is kept awake as a user's use keeps it.
    const cold = await inBrowser(name, startSandbox, { backgroundIdleMs: 1_000 }, async (browser, sandbox) => {
      const options = await browser.openOptions();
      await keptAwake(options, () => signIn(options, sandbox));
      return coldStart(browser, options);
    });
    results.set(name, { ...measured, coldStart: cold });
  }
  return (Object.keys(FIGURES) as Array<keyof typeof FIGURES>).map((key) => ({
    ...FIGURES[key],
    results: Object.fromEntries([...results].map(([name, measured]) => [name, measured[key]])),
  }));
}
