import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRoute } from './helpers/fixture-routes';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';

// A web app marked up with the data-timecamp attributes, on one port of its host. The resolver
// rules send every port of the name to the fixture server, so the same page answers on :8443 and
// on the default port: only the first is the domain the user added.
const HELP: FixtureRoute = { host: 'help.example.test', path: /^\/tickets\/\d+$/, file: 'attributes/ticket.html' };

// The options page, the background and the tab are three processes: give them time on a slow machine.
const POLL = { timeout: 10_000 };

interface Chrome {
  chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } };
}

describe('a self-hosted domain with a port', () => {
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;
  let options: Page;

  beforeAll(async () => {
    fixtures = await startFixtureServer([HELP]);
    extension = await launchExtension({ hostMap: fixtures.hostMap });
    options = await extension.openOptions();
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
  });

  it('gets its script on that port, and not on another port of the host', async () => {
    await options.getByLabel('Domain', { exact: true }).fill('help.example.test:8443');
    await options.getByLabel('Integration', { exact: true }).selectOption({ label: 'Other web app (data-timecamp attributes)' });
    await options.getByRole('button', { name: 'Add domain', exact: true }).click();

    // Chrome accepts the port on each scheme (never after `*`), for the permission and the script.
    const registered = () =>
      extension.serviceWorker.evaluate(async () =>
        (await (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts()).map(({ id, matches }) => ({ id, matches: matches?.sort() })),
      );
    await expect
      .poll(registered, POLL)
      .toEqual([{ id: 'selfhosted:attributes@help.example.test:8443', matches: ['http://help.example.test:8443/*', 'https://help.example.test:8443/*'] }]);

    const onPort = await extension.context.newPage();
    await onPort.goto('https://help.example.test:8443/tickets/4711');
    await expect.poll(() => onPort.locator('timecamp-button').count(), POLL).toBe(1);

    const otherPort = await extension.context.newPage();
    await otherPort.goto('https://help.example.test/tickets/4711');
    // The page on the added port got its button in this time; this one must stay without.
    await otherPort.waitForTimeout(2_000);
    expect(await otherPort.locator('timecamp-button').count()).toBe(0);
  });
});
