import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';

// axe-core over every view, in light and dark, in English and Polish: the popup (signed out, and
// signed in with a timer running and the day listed), the options page, the in-page button on a
// GitHub issue, the task picker's frame, and the day view (also at 200 % zoom). Serious and
// critical violations fail the run.

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';
const SCHEMES = ['light', 'dark'] as const;
const POLL = { timeout: 10_000 };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe in `target` (a page or a frame) over `include` (everything by default): its serious and critical violations. */
async function serious(target: Page | Frame, include?: string): Promise<Violation[]> {
  await target.evaluate(axe.source);
  type Node = { target: string[]; any: Array<{ data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }> };
  type Axe = { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Node[] }> }> };
  const found = await target.evaluate(async (selector) => {
    const { axe: engine } = globalThis as unknown as { axe: Axe };
    const results = await engine.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    // For contrast, the colours and the ratio found: what to fix.
    const where = (n: Node) => {
      const data = n.any[0]?.data;
      return data?.contrastRatio ? `${n.target.join(' ')} (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : n.target.join(' ');
    };
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(where) }));
  }, include ?? null);
  return found.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A readable failure: which rule, where. */
const described = (view: string, violations: Violation[]) => violations.map((v) => `${view}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);

describe.each(['en', 'pl'])('accessibility (axe-core), in the browser language %s', (language) => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixtureServer();
    extension = await launchExtension({ hostMap: fixtures.hostMap, language });
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  it('the popup, signed out', async () => {
    const found: string[] = [];
    const popup = await extension.openPopup();
    await popup.locator('#api-token').waitFor();
    for (const colorScheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme });
      found.push(...described(`popup signed out, ${colorScheme}`, await serious(popup)));
    }
    // An error's text, on its own background, in both themes (the red once read 2.97:1 in dark).
    await popup.locator('#api-token').fill('not-a-token');
    await popup.locator('#api-token').press('Enter');
    await popup.locator('[role=alert]').first().waitFor();
    for (const colorScheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme });
      found.push(...described(`popup sign-in error, ${colorScheme}`, await serious(popup)));
    }
    await popup.close();
    expect(found).toEqual([]);
  });

  it('the options page, signed in, with the picker asked for on every press', async () => {
    const found: string[] = [];
    const options = await extension.openOptions();
    // By the fields' ids and the form's submit: the same steps in every language.
    await options.locator('#api-token').fill(sandbox.token);
    await options.locator('#server-url').fill(sandbox.url);
    await options.locator('#api-token').press('Enter');
    await options.locator('.signed-in').waitFor();
    await options.locator('#button-click-confirm').check();
    await expect.poll(() => options.locator('#button-click-confirm').isChecked(), POLL).toBe(true);
    for (const colorScheme of SCHEMES) {
      await options.emulateMedia({ colorScheme });
      found.push(...described(`options, ${colorScheme}`, await serious(options)));
    }
    if (language === 'pl') await screenshot(options, 'pl-options');
    await options.close();
    expect(found).toEqual([]);
  });

  it('the first-run page', async () => {
    const found: string[] = [];
    const welcome = await extension.context.newPage();
    await welcome.goto(`chrome-extension://${extension.extensionId}/welcome.html`);
    await welcome.locator('form button[type=submit]:not([disabled])').waitFor();
    for (const colorScheme of SCHEMES) {
      await welcome.emulateMedia({ colorScheme });
      found.push(...described(`first-run page, ${colorScheme}`, await serious(welcome)));
    }
    if (language === 'pl') await screenshot(welcome, 'pl-first-run');
    await welcome.close();
    expect(found).toEqual([]);
  });

  it('the in-page button and the task picker on a GitHub issue', async () => {
    const found: string[] = [];
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(ISSUE_URL);
    const host = page.locator('timecamp-button').first();
    await host.waitFor();
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      found.push(...described(`in-page button, ${colorScheme}`, await serious(page, 'timecamp-button')));
    }
    await host.locator('button').first().click();
    let frame: Frame | undefined;
    await expect.poll(() => (frame = page.frames().find((candidate) => candidate.url().endsWith('/picker.html'))), POLL).toBeDefined();
    frame = frame!;
    await frame.locator('[role=option]').first().waitFor();
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      found.push(...described(`task picker, ${colorScheme}`, await serious(frame)));
    }
    if (language === 'pl') await screenshot(page, 'pl-in-page-picker');
    // Starts on the task offered first: the popup then has a timer and a day to show.
    await frame.locator('form button[type=submit]').click();
    await expect.poll(() => sandbox.state.timers.get(sandbox.demo.userId), POLL).toBeDefined();
    await page.locator('timecamp-button button[aria-pressed=true]').first().waitFor();
    if (language === 'pl') await screenshot(page, 'pl-in-page-button');
    await page.close();
    expect(found).toEqual([]);
  });

  it('the popup, with a timer running and the day listed', async () => {
    const found: string[] = [];
    const popup = await extension.openPopup();
    await popup.locator('[role=timer]').waitFor();
    for (const colorScheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme });
      found.push(...described(`popup running, ${colorScheme}`, await serious(popup)));
    }
    if (language === 'pl') await screenshot(popup, 'pl-popup');
    await popup.close();
    expect(found).toEqual([]);
  });

  it('the day view, and at 200 % zoom', async () => {
    const found: string[] = [];
    // The earliest day the demo user has activity on: entries, attendance, a lunch break and sites.
    const date = [...new Set(sandbox.state.activities.filter((activity) => activity.user_id === sandbox.demo.userId).map((activity) => activity.end_time.slice(0, 10)))].sort()[0]!;
    const day = await extension.context.newPage();
    await day.goto(`chrome-extension://${extension.extensionId}/day.html#${date}`);
    await day.locator('svg [role=group] [role=button]').first().waitFor(POLL);
    for (const colorScheme of SCHEMES) {
      await day.emulateMedia({ colorScheme });
      found.push(...described(`day view, ${colorScheme}`, await serious(day)));
    }
    // 200 % zoom of a 1280 × 800 window: the page is as wide as the window; only the timeline scrolls sideways.
    await day.setViewportSize({ width: 640, height: 400 });
    await day.emulateMedia({ colorScheme: 'light' });
    expect(await day.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    found.push(...described('day view at 200 %', await serious(day)));
    await screenshot(day, `day-view-zoom-200-${language}`);
    await day.close();
    expect(found).toEqual([]);
  });
});
