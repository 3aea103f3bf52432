import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomIntegration } from '@/lib/storage/domains';
import type { FixtureRoute } from './helpers/fixture-routes';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';

// An in-house tracker under a `.test` name, which the e2e build may reach without a permission
// prompt (wxt.config.ts). Nothing of ours runs there until the user describes it.
const TICKETS: FixtureRoute = { host: 'tickets.example.test', path: /^\/tickets\/\d+$/, file: 'custom/ticket.html' };
const TICKET_URL = 'https://tickets.example.test/tickets/981';

// The options page, the background and the tab are three processes: give them time on a slow machine.
const POLL = { timeout: 10_000 };

/** `chrome.*` as these tests use it inside the extension (cast: Node has no `chrome`). */
interface Chrome {
  chrome: {
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
    scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; js?: string[] }>> };
  };
}

describe('a custom integration, tested on the current tab before it is saved', () => {
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;
  let ticket: Page;
  let options: Page;

  beforeAll(async () => {
    fixtures = await startFixtureServer([TICKETS]);
    extension = await launchExtension({ hostMap: fixtures.hostMap });
    ticket = await extension.context.newPage();
    await ticket.goto(TICKET_URL);
    options = await extension.openOptions();
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
  });

  const storedIntegrations = () =>
    options.evaluate(async () => ((await (globalThis as unknown as Chrome).chrome.storage.local.get('customIntegrations')).customIntegrations ?? []) as CustomIntegration[]);

  it('reads the issue from the open page, places nothing, and once saved the page gets its button', async () => {
    expect(await ticket.locator('.ticket-subject').textContent()).toBe('Nightly backup skipped');
    expect(await ticket.locator('timecamp-button').count()).toBe(0);

    await options.getByText('Add a custom integration').click();
    const form = options.locator('form.custom-form');
    const fields: Record<string, string> = {
      Name: 'Tickets',
      'Host name': 'tickets.example.test',
      'Issue pages (regular expression)': '^/tickets/\\d+',
      'Button next to (CSS selector)': '.ticket-tools',
      'Issue title (CSS selector)': '.ticket-subject',
      'Issue key (CSS selector, optional)': '.ticket-ref',
    };
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByLabel('Button position', { exact: true }).selectOption('prepend');

    await form.getByRole('button', { name: 'Test on current tab', exact: true }).click();
    const result = options.locator('#custom-test-result');
    await expect.poll(() => result.textContent(), POLL).toContain('Nightly backup skipped');
    const text = await result.textContent();
    expect(text).toContain(`Tested on ${TICKET_URL}`);
    expect(text).toContain("1 element matches the button's selector.");
    expect(text).toContain('TCK-981');
    expect(text).toMatch(/custom_[0-9a-f]{8}_tickets\.example\.test\/TCK-981/);
    await screenshot(options, 'options-custom-test-on-tab');
    // The test injected the script to ask the page; with nothing saved, it placed nothing there.
    expect(await ticket.locator('timecamp-button').count()).toBe(0);
    expect(await storedIntegrations()).toEqual([]);

    await form.getByRole('button', { name: 'Add integration', exact: true }).click();
    await expect.poll(async () => (await storedIntegrations()).length, POLL).toBe(1);
    const [saved] = await storedIntegrations();
    const registered = () =>
      extension.serviceWorker.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts()).map(({ id, js }) => ({ id, js })));
    await expect.poll(registered, POLL).toEqual([{ id: 'selfhosted:custom@tickets.example.test', js: ['content-scripts/custom.js'] }]);

    await ticket.reload();
    const button = ticket.locator(`timecamp-button[data-integration="custom"][data-external-id="custom_${saved!.id}_tickets.example.test/TCK-981"]`);
    await expect.poll(() => button.count(), POLL).toBe(1);
    expect(await ticket.locator('timecamp-button').count()).toBe(1);
    // `prepend`: the button is the first thing in the anchor.
    expect(await ticket.locator('.ticket-tools > :first-child').evaluate((element) => element.localName)).toBe('timecamp-button');
  });
});
