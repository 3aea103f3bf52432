import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { SCREENSHOTS_DIR } from './helpers/paths';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';
// The window of the report: GitHub's issue page at 780×493, where the in-page picker ran 90 px past the bottom.
const SMALL_WINDOW = { width: 780, height: 493 };
// Storage, the background and another process (the frame) between a click and what it shows.
const POLL = { timeout: 10_000 };

/** The picker's frame, once the button opened it (Playwright sees every frame; the page does not). */
async function pickerFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((candidate) => candidate.url().split('#')[0]!.endsWith('/picker.html'))), POLL).toBeDefined();
  return frame!;
}

/**
 * Everything a script of the page can read, run in the page's own world: the text and attributes
 * of the document and of every shadow root it can open, and the documents of its frames where
 * the browser lets it (it must not, for ours).
 */
const PAGE_SCRIPT_READS = `(() => {
  const seen = [];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) seen.push(attribute.value);
      if (element.shadowRoot) {
        seen.push(element.shadowRoot.textContent);
        visit(element.shadowRoot);
      }
      if (element.localName === 'iframe') {
        try { seen.push(element.contentDocument ? element.contentDocument.documentElement.outerHTML : ''); } catch {}
      }
    }
  };
  seen.push(document.documentElement.outerHTML, document.body.innerText);
  visit(document);
  let readableFrames = 0;
  for (let i = 0; i < window.frames.length; i++) {
    try {
      seen.push(window.frames[i].document.documentElement.outerHTML, window.frames[i].location.href);
      readableFrames++;
    } catch {}
  }
  return { text: seen.join('\\n'), frames: window.frames.length, readableFrames };
})()`;

/** The dialogs in the page's accessibility tree, as Chromium gives it to a screen reader: their names. */
async function dialogsHeard(page: Page): Promise<string[]> {
  const devtools = await page.context().newCDPSession(page);
  const { nodes } = (await devtools.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
  await devtools.detach();
  return nodes.filter((node) => !node.ignored && node.role?.value === 'dialog').map((node) => node.name?.value ?? '');
}

describe('the task picker on a tracker page, in Chromium', () => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixtureServer();
    extension = await launchExtension({ hostMap: fixtures.hostMap });
    const options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
    // Every press opens the picker (the issue is linked to a task, which it then offers first).
    await options.getByLabel('Always choose the task first').check();
    await options.getByText('Saved.').waitFor();
    await options.close();
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  const openPicker = async (viewport = SMALL_WINDOW) => {
    page = await extension.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(ISSUE_URL);
    // What the page's own script hears posted to its window.
    await page.evaluate(`globalThis.heard = []; addEventListener('message', (event) => heard.push(event.origin))`);
    await page.getByRole('button', { name: 'Start timer' }).click();
    const frame = await pickerFrame(page);
    await frame.getByRole('option').first().waitFor();
    return frame;
  };

  it("keeps every task name from the page's own script", async () => {
    page = await extension.context.newPage();
    await page.goto(ISSUE_URL);
    const before = (await page.evaluate(PAGE_SCRIPT_READS)) as { text: string };
    await page.close();

    const frame = await openPicker();
    await page.keyboard.type('a');
    await expect.poll(() => frame.getByRole('option').count(), POLL).toBeGreaterThan(3);
    const shown = await frame.locator('.task-option-name, .task-option-path').allTextContents();
    // Names the page shows anyway (the issue's own title is also its task's name) prove nothing.
    const names = [...new Set(shown.flatMap((text) => text.split(' › ')))].filter((name) => !before.text.includes(name));
    expect(names.length).toBeGreaterThan(3);

    const reads = (await page.evaluate(PAGE_SCRIPT_READS)) as { text: string; frames: number; readableFrames: number };
    // The page has no handle on the frame: it is not among the page's windows (a frame in a shadow
    // tree is not the document's), and it posts nothing to the page that would give one away.
    expect(reads.frames).toBe(0);
    expect(reads.readableFrames).toBe(0);
    expect(await page.evaluate('heard')).toEqual([]);
    for (const name of names) expect(reads.text).not.toContain(name);
    await page.close();
  });

  it('fits a 780×493 window, shows the task picked with the keyboard, and starts on it', async () => {
    const frame = await openPicker();
    const task = frame.getByRole('combobox', { name: 'Task' });
    /** The frame, its Note and its Start timer are all in the window, with nothing to scroll to inside the frame. */
    const inView = async () => {
      const boxes = [await (await frame.frameElement()).boundingBox(), await frame.getByLabel('Note').boundingBox(), await frame.getByRole('button', { name: 'Start timer' }).boundingBox()];
      for (const box of boxes) {
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(SMALL_WINDOW.height);
        expect(box!.x + box!.width).toBeLessThanOrEqual(SMALL_WINDOW.width);
      }
      expect(await frame.evaluate('document.documentElement.scrollHeight - innerHeight')).toBeLessThanOrEqual(0);
    };
    // Focused in the frame: the user types at once. Many tasks match: the list takes the room left.
    await page.keyboard.type('a');
    await expect.poll(() => frame.getByRole('option').count(), POLL).toBeGreaterThan(3);
    await vi.waitFor(inView, POLL); // the frame tells the page its new size, and the page resizes it
    await mkdir(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'github-picker-780x493-list.png') });

    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Authentication');
    await expect.poll(() => task.inputValue(), POLL).toBe('Authentication');
    await expect.poll(() => frame.getByRole('option').first().textContent(), POLL).toContain('Authentication');
    const rows = await frame.getByRole('option').count();
    if (rows > 1) await page.keyboard.press('ArrowDown');
    const picked = frame.locator('[role=option][aria-selected=true] .task-option-path');
    const path = rows > 0 ? await picked.textContent() : null;
    await page.keyboard.press('Enter');

    // The field names the task picked, and the line under it says which of the same-named ones.
    expect(await task.inputValue()).toBe('Authentication');
    expect(await task.getAttribute('aria-expanded')).toBe('false');
    expect(await frame.locator('.task-picker-path').textContent()).toBe(path);
    expect(await frame.evaluate(`document.activeElement.id`)).toBe('note');

    await vi.waitFor(inView, POLL);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'github-picker-780x493.png') });

    await page.keyboard.press('Enter'); // in the note: starts
    const demoTimer = () => sandbox.state.timers.get(sandbox.demo.userId);
    await expect.poll(() => sandbox.state.tasks.get(demoTimer()?.task_id ?? -1)?.name, POLL).toBe('Authentication');
    await expect.poll(() => sandbox.state.entries.get(demoTimer()?.entry_id ?? -1)?.description, POLL).toBe('#12 Fix login redirect after sign-in');
    // The picker closed; the button shows the timer, and its Stop stops that timer.
    await expect.poll(() => page.frames().length, POLL).toBe(1);
    const stop = page.getByRole('button', { name: 'Stop timer' });
    await stop.waitFor();
    await stop.click();
    await expect.poll(demoTimer, POLL).toBeUndefined();
    await page.close();
  });

  it('closes with Escape in the frame and gives the focus back to the button', async () => {
    const frame = await openPicker();
    await page.keyboard.press('Escape'); // closes the list
    await expect.poll(() => frame.getByRole('combobox', { name: 'Task' }).getAttribute('aria-expanded'), POLL).toBe('false');
    // The second Escape closes the picker. Chromium may never acknowledge a key whose frame went away
    // while handling it, so the test waits for what the user sees, not for that acknowledgement.
    void page.keyboard.press('Escape').catch(() => undefined);
    await expect.poll(() => page.frames().length, POLL).toBe(1);
    await expect.poll(() => page.evaluate(`document.activeElement?.localName`), POLL).toBe('timecamp-button');
    await page.close();
  });

  it('loads out of sight while the pointer rests on the button, and the press shows it whole, focused', async () => {
    page = await extension.context.newPage();
    await page.setViewportSize(SMALL_WINDOW);
    await page.goto(ISSUE_URL);
    const button = page.getByRole('button', { name: 'Start timer' });
    await button.hover();
    const frame = await pickerFrame(page);
    await frame.waitForLoadState();
    // Readied by the button, where it will show: a click there reaches the page, not the picker,
    // and neither the keyboard nor a screen reader finds it.
    const box = (await button.boundingBox())!;
    const below = { x: box.x + 20, y: box.y + box.height + 30 };
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.localName, [below.x, below.y]);
    expect(hit).not.toBe('timecamp-button');
    expect(await dialogsHeard(page)).toEqual([]);
    await page.waitForTimeout(300);

    await button.click();
    await frame.getByRole('option').first().waitFor();
    await expect.poll(() => frame.evaluate(`document.activeElement?.getAttribute('role')`), POLL).toBe('combobox');
    expect(await dialogsHeard(page)).toEqual(['Start a TimeCamp timer']);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.localName, [below.x, below.y])).toBe('timecamp-button');
    await page.keyboard.type('auth');
    await expect.poll(() => frame.getByRole('combobox', { name: 'Task' }).inputValue(), POLL).toBe('auth');
    await page.close();
  });

  it("keeps the button whole against the page's !important styles", async () => {
    page = await extension.context.newPage();
    await page.setViewportSize(SMALL_WINDOW);
    await page.goto(ISSUE_URL);
    const button = page.locator('timecamp-button').getByRole('button', { name: 'Start timer' });
    await button.waitFor();
    await page.addStyleTag({
      content: `
        timecamp-button{display:none!important;width:0!important;height:0!important;opacity:0!important;position:absolute!important;left:-9999px!important;visibility:hidden!important;transform:scale(0)!important;pointer-events:none!important}
        html body timecamp-button[data-integration]{clip-path:inset(50%)!important;filter:opacity(0)!important}
        timecamp-button::before,timecamp-button::after{content:""!important;position:fixed!important;inset:0!important;z-index:2147483647!important;background:#fff!important}
        timecamp-button *,timecamp-button button,button{display:none!important;visibility:hidden!important}
      `,
    });
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThan(60);
    expect(box.height).toBeGreaterThanOrEqual(20);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(SMALL_WINDOW.width);
    await screenshot(page, 'tracker-button-hostile-styles');
    // Playwright clicks only what is visible, stable and on top at its centre: nothing covers it.
    await button.click({ timeout: 5_000 });
    await pickerFrame(page);
    await page.close();
  });
});
