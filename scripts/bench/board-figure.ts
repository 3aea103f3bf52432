import { FIXTURE_ROUTES, type FixtureRoute } from '../../tests/e2e/helpers/fixture-routes';
import type { TestBrowser, TestPage } from '../../tests/e2e/helpers/test-browser';
import { paired, type Result } from './stats';

/** The board fixture (tests/fixtures/bench/board.html), where the user switched the attribute contract on. */
export const BOARD_HOST = 'board.bench.test';
/** The same fixture on a host the extension does nothing on: the board without us. */
const PLAIN_BOARD_HOST = 'plain-board.bench.test';
/** The fixture routes of a bench run: the tracker fixtures and the board on both hosts. */
export const BENCH_ROUTES: FixtureRoute[] = [...FIXTURE_ROUTES, ...[BOARD_HOST, PLAIN_BOARD_HOST].map((host) => ({ host, path: /^\/board$/, file: 'bench/board.html' }))];

const RUNS = 11;
const CARDS = 1_000;

/** A board page with one card rendered; on our host, once that card has its button (the content script is ready). */
async function openBoard(browser: TestBrowser, host: string): Promise<TestPage> {
  const page = await browser.open(`https://${host}/board`);
  await page.evaluate(() => (window as unknown as { render(n: number): void }).render(1), undefined);
  if (host === BOARD_HOST) await page.waitForRole('button', 'Start timer');
  return page;
}

/**
 * Turns the attribute contract on for the board's host, as the options page stores it, and waits
 * until the background has registered its content script there (a board page shows a button).
 */
export async function enableBoard(browser: TestBrowser, options: TestPage): Promise<void> {
  await options.evaluate(async (domain) => {
    type Local = { storage: { local: { set(items: object): Promise<void> } } };
    const { browser, chrome } = globalThis as unknown as { browser?: Local; chrome: Local };
    await (browser ?? chrome).storage.local.set({ selfHostedDomains: [{ domain, integration: 'attributes' }] });
  }, BOARD_HOST);
  const end = Date.now() + 20_000;
  for (;;) {
    const page = await browser.open(`https://${BOARD_HOST}/board`);
    await page.evaluate(() => (window as unknown as { render(n: number): void }).render(1), undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const placed = await page.evaluate(() => document.querySelector('timecamp-button') !== null, undefined);
    await page.close();
    if (placed) return;
    if (Date.now() > end) throw new Error(`no content script on ${BOARD_HOST} within 20 s`);
  }
}

/**
 * Milliseconds of main-thread work, timed in the page, for `cards` new cards: the board's script
 * making them, then, in the next frame, from its first animation-frame callback (ours come after
 * it: the page asked first) until that frame is drawn and the intersection observers reported,
 * everything laid out, our buttons too when `ours`. The idle time before that frame is left out,
 * so the wait for the screen's refresh is not counted.
 */
function timeCards(page: TestPage, cards: number, ours: boolean): Promise<number> {
  return page.evaluate(
    async ({ cards, ours }) => {
      const started = performance.now();
      (window as unknown as { render(n: number): void }).render(cards);
      const rendered = performance.now();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const frame = performance.now();
      if (ours) {
        await new Promise<void>((resolve) => {
          let buttons = 0;
          const observer = new MutationObserver((records) => {
            for (const record of records) for (const node of record.addedNodes) if (node.nodeName === 'TIMECAMP-BUTTON') buttons++;
            if (buttons < cards) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { childList: true, subtree: true });
        });
      }
      void document.body.offsetHeight;
      // The rest of that frame, to the intersection observers' report that follows it: ours builds
      // the buttons that came near the screen then (components/in-page/near-screen.ts), and an
      // observer made after ours hears it after ours.
      await new Promise<void>((resolve) => {
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body);
      });
      void document.body.offsetHeight;
      return rendered - started + (performance.now() - frame);
    },
    { cards, ours },
  );
}

/**
 * What our buttons add to a board rendering 1,000 cards, paired with the same board where the
 * extension does nothing: script, style and layout of the buttons, in either browser.
 */
export function boardButtons(browser: TestBrowser): Promise<Result> {
  return paired(RUNS, async () => {
    const board = await openBoard(browser, BOARD_HOST);
    const measured = await timeCards(board, CARDS, true);
    await board.close();
    const plain = await openBoard(browser, PLAIN_BOARD_HOST);
    const baseline = await timeCards(plain, CARDS, false);
    await plain.close();
    return { measured, baseline };
  });
}
