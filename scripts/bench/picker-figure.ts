import type { Frame, Page } from 'playwright-core';
import type { LaunchedExtension } from '../../tests/e2e/helpers/launch-extension';
import type { TimingFigure } from './report';
import { summarise } from './stats';

const RUNS = 5;

async function pickerFrame(page: Page): Promise<Frame> {
  const end = Date.now() + 10_000;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().split('#')[0]!.endsWith('/picker.html'));
    if (frame) return frame;
    if (Date.now() > end) throw new Error('the task picker did not open');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * From the click on a tracker's Start timer button to the task picker usable in its frame: its
 * first contentful paint, which is the whole form (the frame paints nothing until its session
 * arrived), checked to have its likely tasks listed and its Task field focused. "Always choose
 * the task first" is switched on (options page, as a user would) so every press opens it; the
 * issue is linked, so the background resolves it and offers its task first. The moments are read
 * on the browser's clock (`timeOrigin` plus the page's and the frame's own timelines), and split
 * at the frame's navigation: before it, the background's answer; after it, the frame's own load.
 */
export async function pickerOpen(extension: LaunchedExtension, options: Page, issueUrl: string): Promise<TimingFigure[]> {
  await options.getByLabel('Always choose the task first').check();
  await options.getByText('Saved.').waitFor();
  const runs: Array<{ total: number; answer: number; frame: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await extension.context.newPage();
    await page.goto(issueUrl);
    const button = page.getByRole('button', { name: 'Start timer' });
    await button.waitFor();
    await page.evaluate(`addEventListener('pointerdown', () => { globalThis.benchClickAt = performance.timeOrigin + performance.now(); }, { capture: true, once: true })`);
    await button.click();
    const frame = await pickerFrame(page);
    await frame.getByRole('option').first().waitFor();
    // The paint is reported a moment after it is on screen: wait for it rather than miss it.
    const { navigatedAt, usableAt } = (await frame.evaluate(`new Promise((resolve, reject) => {
      if (document.activeElement?.getAttribute('role') !== 'combobox') throw new Error('the Task field is not focused');
      new PerformanceObserver((list) => {
        const paint = list.getEntriesByName('first-contentful-paint')[0];
        if (paint) resolve({ navigatedAt: performance.timeOrigin, usableAt: performance.timeOrigin + paint.startTime });
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => reject(new Error('the frame reported no first contentful paint')), 5000);
    })`)) as { navigatedAt: number; usableAt: number };
    const clickAt = (await page.evaluate('globalThis.benchClickAt')) as number;
    await page.close();
    runs.push({ total: usableAt - clickAt, answer: navigatedAt - clickAt, frame: usableAt - navigatedAt });
  }
  await options.getByLabel('Start at once').check();
  const figure = (name: string, values: number[], how: string, budget?: number): TimingFigure => {
    const { median, min, max } = summarise(values);
    return { name, median, min, max, unit: 'ms', budget, how };
  };
  return [
    figure('tracker page: click to task picker usable', runs.map((run) => run.total), 'pointerdown on Start timer to the picker frame’s first paint, Task field focused, tasks listed (GitHub issue fixture)', 100),
    figure('tracker page: task picker, the background’s part', runs.map((run) => run.answer), 'pointerdown to the frame’s navigation: startFromIssue (resolve, suggest) and placing the frame'),
    figure('tracker page: task picker, the frame’s part', runs.map((run) => run.frame), 'the frame’s navigation to its first paint: page, scripts, its session from the background'),
  ];
}
