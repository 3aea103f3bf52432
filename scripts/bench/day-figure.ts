import type { Page } from 'playwright-core';
import type { LaunchedExtension } from '../../tests/e2e/helpers/launch-extension';
import { addDays } from '../../tests/sandbox/zone';
import type { Sandbox } from '../../tests/sandbox';
import { nextId } from '../../tests/sandbox/state';
import { DAY_DATA_MARK } from '../../lib/day/day-data';
import type { TimingFigure } from './report';
import { summarise } from './stats';

const ENTRIES = 500;
const SPANS = 5_000;
const RUNS = 7;

/** A seeded generator, so every run draws the same day. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const clock = (seconds: number) => [seconds / 3600, (seconds / 60) % 60, seconds % 60].map((part) => String(Math.floor(part)).padStart(2, '0')).join(':');

/**
 * Gives the demo user a heavy day in the sandbox: 500 entries of a few minutes to an hour from
 * 06:00 to 22:00 (many overlapping) on its tasks, and 5,000 computer activities back to back on
 * its applications.
 */
function seedHeavyDay(sandbox: Sandbox, date: string): void {
  const { state, demo } = sandbox;
  const next = random(42);
  const taskIds = [...state.tasks.keys()].slice(0, 40);
  const applicationIds = [...state.applications.keys()];
  const windowTitleIds = [...state.windowTitles.keys()];
  for (let i = 0; i < ENTRIES; i++) {
    const start = 6 * 3600 + Math.floor(next() * 16 * 3600);
    const duration = 300 + Math.floor(next() * 3300);
    const id = nextId(state, 'entry');
    state.entries.set(id, {
      id, user_id: demo.userId, task_id: taskIds[i % taskIds.length]!, date, start_time: clock(start), end_time: clock(start + duration),
      duration, description: '', billable: false, invoiceId: 0, locked: false, last_modify: `${date} 22:00:00`, tagIds: [],
    });
  }
  let at = 6 * 3600;
  for (let i = 0; i < SPANS; i++) {
    const span = 5 + Math.floor(next() * 10);
    at += span;
    state.activities.push({
      user_id: demo.userId, application_id: applicationIds[i % applicationIds.length]!, window_title_id: windowTitleIds[i % windowTitleIds.length]!,
      end_time: `${date} ${clock(at)}`, time_span: span, task_id: 0, entry_id: 0,
    });
  }
}

/**
 * Milliseconds from the day's data reaching the page (`DAY_DATA_MARK`) to the timeline drawn with
 * its `entries` entries and on screen (the frame after the one that showed them: a
 * `requestAnimationFrame`, then a task), once the page's Next day button is pressed.
 */
async function drawNextDay(page: Page, entries: number): Promise<number> {
  const drawn = page.evaluate(`new Promise((resolve) => {
    const marks = performance.getEntriesByName('${DAY_DATA_MARK}').length;
    const count = () => document.querySelectorAll('[role=group][aria-label="Entries"] [role=button]').length;
    const check = () => {
      if (performance.getEntriesByName('${DAY_DATA_MARK}').length === marks || count() < ${entries}) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - performance.getEntriesByName('${DAY_DATA_MARK}').at(-1).startTime)));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  })`) as Promise<number>;
  await page.getByRole('button', { name: 'Next day' }).click();
  return drawn;
}

/**
 * The day view in Chromium on a day of 500 entries and 5,000 activity spans: the requests it
 * loads the day with, and the time to draw it (`drawNextDay`), paired with the move to the day
 * before it, an ordinary day of the demo account, as the baseline. The page opens on the day
 * before that and moves forward twice, as its Next day button does.
 */
export async function dayViewFigures(extension: LaunchedExtension, sandbox: Sandbox): Promise<TimingFigure[]> {
  const date = addDays(sandbox.clock.localDate(), -1);
  const before = addDays(date, -1);
  const ordinary = [...sandbox.state.entries.values()].filter((entry) => entry.user_id === sandbox.demo.userId && entry.date === before).length;
  seedHeavyDay(sandbox, date);
  const draws: number[] = [];
  const baselines: number[] = [];
  const requests: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/day.html#${addDays(before, -1)}`);
    await page.getByRole('group', { name: 'Entries' }).waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    baselines.push(await drawNextDay(page, ordinary));
    await page.waitForTimeout(500);
    const asked = sandbox.requests.length;
    draws.push(await drawNextDay(page, ENTRIES));
    requests.push(sandbox.requests.length - asked);
    await page.close();
  }
  const { median, min, max } = summarise(draws);
  const asked = summarise(requests);
  return [
    { name: 'day view: requests to load a day', median: asked.median, min: asked.min, max: asked.max, unit: 'requests', budget: 5, how: 'one per section (entries, attendance, away time, activity) and the applications the activity names' },
    {
      name: `day view: draw ${ENTRIES} entries + ${SPANS} activity spans`,
      median, min, max, unit: 'ms', budget: 100,
      how: `the day's data in the page to the timeline drawn and shown (Chromium, ${RUNS} runs)`,
      baseline: { median: summarise(baselines).median, what: `the same for the day before (${ordinary} entries)`, compare: 'difference' },
    },
  ];
}
