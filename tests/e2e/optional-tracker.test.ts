import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';

// A tracker whose hosts installing the extension does not ask for (ClickUp): off until the user
// switches it on, then its script is registered at run time. The e2e build has its host granted
// beforehand (wxt.config.ts), as Chrome's permission prompt cannot be clicked by automation.
const TASK_URL = 'https://app.clickup.com/t/86b0x9abc';
const ROUTES = [{ host: 'app.clickup.com', path: /^\/t\/\w+$/, file: 'clickup/task-page.html' }];
const BUTTON = 'timecamp-button[data-integration="clickup"]';
// Registration crosses the options page, the background and the browser: give it time on a slow machine.
const POLL = { timeout: 10_000 };

interface Chrome {
  chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } };
}

describe('a tracker with optional hosts, in Chromium', () => {
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;

  beforeAll(async () => {
    fixtures = await startFixtureServer(ROUTES);
    extension = await launchExtension({ hostMap: fixtures.hostMap });
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
  });

  const registered = () =>
    extension.serviceWorker.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts()).map((script) => script.id));

  it('opens the first-run page on install, listing every tracker by family', async () => {
    await expect.poll(() => extension.context.pages().some((page) => page.url().endsWith('/welcome.html')), POLL).toBe(true);
    const welcome = extension.context.pages().find((page) => page.url().endsWith('/welcome.html'))!;
    await welcome.getByRole('button', { name: 'Save my choice' }).waitFor();
    const families = await welcome.locator('legend').allTextContents();
    expect(families).toEqual(['Code hosting', 'Issue trackers', 'Work management', 'Help desks and CRM', 'Mail, calendar and documents']);
    await expect.poll(() => welcome.getByRole('checkbox', { name: /ClickUp/ }).isEnabled(), POLL).toBe(true);
    expect(await welcome.getByRole('checkbox', { name: /ClickUp/ }).isChecked()).toBe(false);
    expect(await welcome.getByRole('checkbox', { name: /GitHub/ }).isChecked()).toBe(true);
    await welcome.setViewportSize({ width: 900, height: 800 });
    await screenshot(welcome, 'first-run');
    await welcome.emulateMedia({ colorScheme: 'dark' });
    await screenshot(welcome, 'first-run-dark');
    await welcome.close();
  });

  it('gets no script until switched on; then its pages get a button, which goes without a reload when it is switched off', async () => {
    expect(await registered()).not.toContain('selfhosted:clickup');
    const task: Page = await extension.context.newPage();
    await task.goto(TASK_URL);
    await task.getByText('Update the onboarding checklist').first().waitFor();
    expect(await task.locator(BUTTON).count()).toBe(0);

    const options = await extension.openOptions();
    await options.setViewportSize({ width: 900, height: 900 });
    const clickup = options.getByRole('switch', { name: 'ClickUp' });
    await expect.poll(() => clickup.isEnabled(), POLL).toBe(true);
    await clickup.check();
    await options.getByText('ClickUp turned on. Tabs already open on it get the button once reloaded.').waitFor();
    await expect.poll(registered, POLL).toContain('selfhosted:clickup');
    await screenshot(options.locator('#trackers').page(), 'options-trackers');

    await task.reload();
    await task.locator(BUTTON).getByRole('button', { name: 'Start timer' }).waitFor(POLL);
    expect(await task.locator(BUTTON).count()).toBe(1);

    await clickup.uncheck();
    await options.getByText('ClickUp turned off.').waitFor();
    await expect.poll(() => task.locator(BUTTON).count(), POLL).toBe(0);
    await expect.poll(registered, POLL).not.toContain('selfhosted:clickup');

    await options.emulateMedia({ colorScheme: 'dark' });
    await screenshot(options, 'options-trackers-dark');
    await task.close();
    await options.close();
  });
});
