import type { Frame, Page } from 'playwright-core';
import type { LaunchedExtension } from '../../tests/e2e/helpers/launch-extension';
import type { TimingFigure } from './report';
import { SESSION_MARK } from '../../components/task-picker/button-line';
import { BLANK_PAGE } from './cross-browser';
import { summarise } from './stats';

/** Presses timed with the pointer at rest (the budgeted figure: its spread on two cores is wide) and in one go. */
const RESTED_RUNS = 15;
const AT_ONCE_RUNS = 7;
/** How long a hand rests on a button before it presses (the picker loads from then on). */
const REST_MS = 300;

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
 * first contentful paint, which is the whole form (the frame paints nothing before the button
 * shows it with its session: components/task-picker/reveal.ts), checked to have its likely tasks
 * listed and its Task field focused. "Always choose
 * the task first" is switched on (options page, as a user would) so every press opens it; the
 * issue is linked, so the background resolves it and offers its task first. The button loads the
 * frame out of sight once the pointer rests on it, so the main figure lets the pointer rest as a
 * hand does (the background then sends the session to that frame itself); pressing in one go is
 * reported too. The moments are read on the browser's clock (`timeOrigin` plus the page's and the
 * frame's own timelines), and split where the frame gets the press's session, or its token:
 * before it, the background's answer; after it, the frame's part. The picker counts as usable
 * once its form is painted and the page has drawn the frame shown (the animation frame after the
 * one that found the popover in the top layer), whichever comes last. Before each press, the same
 * page frames an empty page of the extension: its time to first paint, what any frame of ours costs
 * this browser on this machine, is the baseline the budget is judged against.
 */
export async function pickerOpen(extension: LaunchedExtension, options: Page, issueUrl: string): Promise<TimingFigure[]> {
  await options.getByLabel('Always choose the task first').check();
  await options.getByText('Saved.').waitFor();
  const rested = await timePresses(extension, issueUrl, REST_MS, RESTED_RUNS);
  const atOnce = await timePresses(extension, issueUrl, 0, AT_ONCE_RUNS);
  await options.getByLabel('Start at once').check();
  const blank = summarise([...rested, ...atOnce].map((run) => run.blank)).median;
  const baseline = { median: blank, what: 'an empty extension page framed into the same page, to its first paint', compare: 'difference' as const };
  const figure = (name: string, values: number[], how: string, extra: Pick<TimingFigure, 'budget' | 'baseline'> = {}): TimingFigure => {
    const { median, min, max } = summarise(values);
    return { name, median, min, max, unit: 'ms', how, ...extra };
  };
  return [
    figure(
      'tracker page: click to task picker usable',
      rested.map((run) => run.total),
      `pointerdown on Start timer to the picker frame’s first paint and the page showing it, Task field focused, tasks listed (GitHub issue fixture); the pointer rested ${REST_MS} ms on the button first, as a hand does`,
      { baseline, budget: 100 },
    ),
    figure(
      'tracker page: click to task picker usable, clicked at once',
      atOnce.map((run) => run.total),
      'the same, the pointer moved onto the button and pressed in one go (the frame loads from the press on)',
      { baseline },
    ),
    figure('tracker page: task picker, the background’s part', rested.map((run) => run.answer), 'pointerdown to the session reaching the frame: startFromIssue (resolve, suggest), sent down the frame’s line'),
    figure('tracker page: task picker, the frame’s part', rested.map((run) => run.frame), 'the session reaching the frame to the picker usable: the form drawn and painted, and the page showing the frame'),
  ];
}

/**
 * Milliseconds from framing the bench's empty extension page into `page` (web-accessible in the
 * bench's copy of the build) to that frame's first contentful paint: what loading any frame of the
 * extension costs this browser on this machine, the picker's baseline.
 */
async function blankFrame(page: Page, extensionId: string): Promise<number> {
  const url = `chrome-extension://${extensionId}/${BLANK_PAGE}`;
  const framedAt = (await page.evaluate(`(() => {
    const frame = document.createElement('iframe');
    frame.id = 'bench-blank';
    frame.style.cssText = 'position: fixed; top: 0; left: 0; width: 300px; height: 200px; border: 0';
    frame.src = ${JSON.stringify(url)};
    document.body.append(frame);
    return performance.timeOrigin + performance.now();
  })()`)) as number;
  const end = Date.now() + 10_000;
  let frame: Frame | undefined;
  while (!(frame = page.frames().find((candidate) => candidate.url() === url))) {
    if (Date.now() > end) throw new Error('the empty extension frame did not load');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const paintedAt = (await frame.evaluate(`new Promise((resolve, reject) => {
    new PerformanceObserver((list) => {
      const paint = list.getEntriesByName('first-contentful-paint')[0];
      if (paint) resolve(performance.timeOrigin + paint.startTime);
    }).observe({ type: 'paint', buffered: true });
    setTimeout(() => reject(new Error('the empty frame reported no first contentful paint')), 5000);
  })`)) as number;
  await page.evaluate(`document.getElementById('bench-blank').remove()`);
  return paintedAt - framedAt;
}

interface PressTiming {
  /** The baseline, taken in the same page before the press (`blankFrame`). */
  blank: number;
  total: number;
  answer: number;
  frame: number;
}

async function timePresses(extension: LaunchedExtension, issueUrl: string, restMs: number, count: number): Promise<PressTiming[]> {
  const runs: PressTiming[] = [];
  for (let run = 0; run < count; run++) {
    const page = await extension.context.newPage();
    await page.goto(issueUrl);
    const button = page.getByRole('button', { name: 'Start timer' });
    await button.waitFor();
    const blank = await blankFrame(page, extension.extensionId);
    if (restMs > 0) {
      await button.hover();
      await page.waitForTimeout(restMs);
    }
    await page.evaluate(`addEventListener('pointerdown', () => { globalThis.benchClickAt = performance.timeOrigin + performance.now(); }, { capture: true, once: true })`);
    // The page's side: the frame is on screen once the button showed its popover (the top layer)
    // and the page drew a frame with it (the next animation frame after the one that saw it).
    await page.evaluate(`(() => {
      const root = document.querySelector('timecamp-button').shadowRoot;
      const look = () => {
        if (!root.querySelector('.p.top')) return requestAnimationFrame(look);
        requestAnimationFrame(() => { globalThis.benchShownAt = performance.timeOrigin + performance.now(); });
      };
      requestAnimationFrame(look);
    })()`);
    await button.click();
    const frame = await pickerFrame(page);
    await frame.getByRole('option').first().waitFor();
    // The paint is reported a moment after it is on screen: wait for it rather than miss it.
    const { handedAt, usableAt } = (await frame.evaluate(`new Promise((resolve, reject) => {
      if (document.activeElement?.getAttribute('role') !== 'combobox') throw new Error('the Task field is not focused');
      const handed = performance.getEntriesByName('${SESSION_MARK}')[0];
      if (!handed) throw new Error('the frame marked no session');
      new PerformanceObserver((list) => {
        const paint = list.getEntriesByName('first-contentful-paint')[0];
        if (paint) resolve({ handedAt: performance.timeOrigin + handed.startTime, usableAt: performance.timeOrigin + paint.startTime });
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => reject(new Error('the frame reported no first contentful paint')), 5000);
    })`)) as { handedAt: number; usableAt: number };
    const clickAt = (await page.evaluate('globalThis.benchClickAt')) as number;
    const shownAt = (await page.waitForFunction('globalThis.benchShownAt').then((value) => value.jsonValue())) as number;
    await page.close();
    // Usable once both are on screen: the form painted in the frame, and the frame shown in the page.
    const at = Math.max(usableAt, shownAt);
    runs.push({ blank, total: at - clickAt, answer: handedAt - clickAt, frame: at - handedAt });
  }
  return runs;
}
