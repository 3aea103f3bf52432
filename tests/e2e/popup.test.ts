import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';

// A popup cannot be taller than 600 px in Chrome; 360 px is its width in components/popup/popup.css.
const POPUP_VIEWPORT = { width: 360, height: 600 };
// Answers cross the page, the service worker and the sandbox; give them time on a slow machine.
const POLL = { timeout: 10_000 };
const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';

describe('the toolbar popup', () => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;
  let popup: Page;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixtureServer();
    extension = await launchExtension({ hostMap: fixtures.hostMap });
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  const demoTimer = () => sandbox.state.timers.get(sandbox.demo.userId);

  async function openPopup(): Promise<Page> {
    const page = await extension.openPopup();
    await page.setViewportSize(POPUP_VIEWPORT);
    return page;
  }

  it('signed out: explains, asks for the API token, and keeps the server URL under Advanced', async () => {
    popup = await openPopup();

    await popup.getByLabel('API token').waitFor();
    expect(await popup.getByRole('button', { name: 'Connect' }).isVisible()).toBe(true);
    expect(await popup.getByLabel('Server URL').isVisible()).toBe(false);
    await screenshot(popup, 'popup-signed-out');

    // Signing in from the popup: the sandbox is a custom server, so its URL goes under Advanced.
    await popup.getByLabel('API token').fill(sandbox.token);
    await popup.getByText('Advanced').click();
    await popup.getByLabel('Server URL').fill(sandbox.url);
    await popup.getByRole('button', { name: 'Connect' }).click();

    await popup.getByRole('combobox', { name: 'Task', exact: true }).waitFor(POLL);
    const me = sandbox.users.find((user) => user.token === sandbox.token)!;
    expect(await popup.locator('.popup-account').textContent()).toBe(me.display_name);
  });

  it('starts a timer on a task picked by typing, with the note written in the popup', async () => {
    popup = await openPopup();
    const task = popup.getByRole('combobox', { name: 'Task', exact: true });
    await task.waitFor();
    // Wait for the task tree (fetched at sign-in, read after the first paint).
    await task.press('ArrowDown');
    await popup.getByRole('option').first().waitFor(POLL);
    await task.press('Escape');

    await task.fill('internal meetings');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Meetings');
    await screenshot(popup, 'popup-starting');
    await task.press('Enter');
    expect(await task.inputValue()).toBe('Meetings');
    const note = popup.getByRole('textbox', { name: 'Note', exact: true });
    // Choosing a task with Enter moves on to the note; Enter there starts.
    expect(await note.evaluate((element) => element === document.activeElement)).toBe(true);
    await note.fill('Sprint planning notes');
    await note.press('Enter');

    await expect.poll(() => demoTimer()?.task_id, POLL).toBe(sandbox.demo.tasks.internalMeetings);
    await expect.poll(() => sandbox.state.entries.get(demoTimer()!.entry_id)?.description, POLL).toBe('Sprint planning notes');
    const timer = popup.getByRole('timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/^\d+:\d{2}:\d{2}$/);
    expect(await popup.getByRole('button', { name: 'Stop timer' }).isVisible()).toBe(true);
    // The elapsed time moves on by itself.
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), POLL).not.toBe(first);
    await screenshot(popup, 'popup-running');
  });

  it("stops it, and today's entries list it", async () => {
    await popup.getByRole('button', { name: 'Stop timer' }).click();

    await expect.poll(() => demoTimer(), POLL).toBeUndefined();
    await popup.getByRole('button', { name: 'Start timer' }).waitFor();
    const today = popup.getByRole('list', { name: "Today's entries" });
    await expect.poll(() => today.textContent(), POLL).toContain('Sprint planning notes');
    await screenshot(popup, 'popup-today');

    // The same view in the dark theme the system may ask for.
    await popup.emulateMedia({ colorScheme: 'dark' });
    await screenshot(popup, 'popup-today-dark');
  });

  it("Track this page: the front tab's issue becomes the note and its linked task is chosen", async () => {
    const issue = await extension.context.newPage();
    await issue.goto(ISSUE_URL);
    // The tracker's content script is running once its button is on the page.
    await issue.locator('timecamp-button').first().waitFor(POLL);
    popup = await openPopup();
    // A real popup sits over the tab it was opened on; here the popup is a tab, so the issue's tab goes back in front.
    await issue.bringToFront();

    await popup.getByRole('button', { name: 'Track this page' }).click();

    const note = popup.getByRole('textbox', { name: 'Note', exact: true });
    await expect.poll(() => note.inputValue(), POLL).toBe('#12 Fix login redirect after sign-in');
    await expect.poll(() => popup.getByRole('combobox', { name: 'Task', exact: true }).inputValue(), POLL).toBe('Fix login redirect');
  });
});
