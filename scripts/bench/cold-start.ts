import type { TestBrowser, TestPage } from '../../tests/e2e/helpers/test-browser';
import { paired, type Result } from './stats';

const RUNS = 11;

/** Milliseconds from sending a ping to its answer, timed in `page` (one of the extension's own). */
export function timedPing(page: TestPage): Promise<number> {
  return page.evaluate(async () => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const { browser, chrome } = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    const started = performance.now();
    await (browser ?? chrome).runtime.sendMessage({ id: 0, type: 'ping', data: undefined, timestamp: Date.now() });
    return performance.now() - started;
  }, undefined);
}

/**
 * Runs `work` while `page` pings the background every 300 ms: events keep an event page loaded,
 * as a user's use does, where a second idle would unload it in the middle of the work.
 */
export async function keptAwake<T>(page: TestPage, work: () => Promise<T>): Promise<T> {
  let done = false;
  const pinging = (async () => {
    while (!done) {
      // A ping that meets the background unloading is no failure of the work.
      await timedPing(page).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  try {
    return await work();
  } finally {
    done = true;
    await pinging;
  }
}

/**
 * What waking the background costs: a ping to a background the browser has unloaded (Chromium's
 * worker stopped, Firefox's event page unloaded for being idle), paired with a ping right after to
 * the background it woke. The figure is the median of the differences: the start alone.
 */
export async function coldStart(browser: TestBrowser, page: TestPage): Promise<Result> {
  await timedPing(page);
  return paired(RUNS, async () => {
    await browser.stopBackground(page);
    const measured = await timedPing(page);
    return { measured, baseline: await timedPing(page) };
  });
}
