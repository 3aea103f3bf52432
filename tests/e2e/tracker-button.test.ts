import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { FIXTURE_ROUTES, type FixtureRoute } from './helpers/fixture-routes';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';
import { signInThroughOptions } from './helpers/sign-in';

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';
const GITHUB_BUTTON = 'timecamp-button[data-integration="github"][data-external-id="github_issue_octo/hello-world#12"]';

// Self-hosted trackers under `.test` names, which the e2e build may reach without a permission
// prompt (wxt.config.ts): Redmine has no static hosts at all; Gitea has (codeberg.org), and the
// same content script must also run where the background registers it.
const SELF_HOSTED_ROUTES: FixtureRoute[] = [
  { host: 'redmine.example.test', path: /^\/issues\/\d+$/, file: 'redmine/issue.html' },
  { host: 'git.example.test', path: /^\/[\w.-]+\/[\w.-]+\/issues\/\d+$/, file: 'gitea/issue.html' },
];
const SELF_HOSTED = [
  { domain: 'redmine.example.test', integration: 'redmine' },
  { domain: 'git.example.test', integration: 'gitea' },
];

// Button states cross the background, storage and another process: give them time on a slow machine.
const POLL = { timeout: 10_000 };

/** `chrome.*` as these tests use it inside the extension (cast: Node has no `chrome`). */
interface Chrome {
  chrome: {
    storage: { local: { set(items: object): Promise<void> } };
    scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; js?: string[]; matches?: string[] }>> };
  };
}

/** The shadow-root button of a `timecamp-button` host (Playwright's locators pierce open shadow roots). */
const buttonIn = (host: Locator) => host.locator('button').first();

describe('the in-page Start timer button in Chromium', () => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;
  let options: Page;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixtureServer([...FIXTURE_ROUTES, ...SELF_HOSTED_ROUTES]);
    extension = await launchExtension({ hostMap: fixtures.hostMap });
    options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor();
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  const demoTimer = () => sandbox.state.timers.get(sandbox.demo.userId);

  it('starts the GitHub issue’s task on TimeCamp, and every tab shows it running until one stops it', async () => {
    const first = await extension.context.newPage();
    await first.goto(ISSUE_URL);
    const host = first.locator(GITHUB_BUTTON);
    await expect.poll(() => host.count(), POLL).toBe(1);
    expect(await first.locator('timecamp-button').count()).toBe(1);
    const button = buttonIn(host);
    expect(await button.textContent()).toBe('Start timer');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await screenshot(first, 'tracker-button-github-idle');

    await first.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => demoTimer()?.task_id, POLL).toBe(sandbox.demo.tasks.githubIssue);
    // TimeCamp starts the timer first; the note follows in its own request (the entry is read afresh).
    const note = () => sandbox.state.entries.get(demoTimer()?.entry_id ?? -1)?.description;
    await expect.poll(note, POLL).toBe('#12 Fix login redirect after sign-in');
    // The tab that started it flips from storage, without a reload.
    await expect.poll(() => button.getAttribute('aria-pressed'), POLL).toBe('true');
    expect(await button.textContent()).toBe('Stop timer');
    await screenshot(first, 'tracker-button-github-running');

    const second = await extension.context.newPage();
    await second.goto(ISSUE_URL);
    const stop = second.getByRole('button', { name: 'Stop timer' });
    await stop.waitFor();
    expect(await stop.getAttribute('aria-pressed')).toBe('true');
    expect(await second.locator('timecamp-button').count()).toBe(1);

    await stop.click();
    await expect.poll(demoTimer, POLL).toBeUndefined();
    // Both tabs go back to Start timer, the first one without a reload.
    await expect.poll(() => button.getAttribute('aria-pressed'), POLL).toBe('false');
    await second.getByRole('button', { name: 'Start timer' }).waitFor();
    await first.close();
    await second.close();
  });

  it('runs on self-hosted domains once the background registered their scripts', async () => {
    const redmine = await extension.context.newPage();
    await redmine.goto('https://redmine.example.test/issues/1');
    // Not registered yet: the page is Redmine, but nothing of ours runs there.
    expect(await redmine.locator('#content .subject h3').textContent()).toBe('Cart total rounds wrong');
    expect(await redmine.locator('timecamp-button').count()).toBe(0);

    // What the options page writes once the user added the domains and granted access.
    await options.evaluate((items) => (globalThis as unknown as Chrome).chrome.storage.local.set({ selfHostedDomains: items }), SELF_HOSTED);
    const registered = () =>
      extension.serviceWorker.evaluate(async () => {
        const scripts = await (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts();
        return scripts.map(({ id, js, matches }) => ({ id, js, matches })).sort((a, b) => a.id.localeCompare(b.id));
      });
    await expect.poll(registered, POLL).toEqual([
      { id: 'selfhosted:gitea@git.example.test', js: ['content-scripts/core.js', 'content-scripts/gitea.js'], matches: ['*://git.example.test/*'] },
      { id: 'selfhosted:redmine@redmine.example.test', js: ['content-scripts/core.js', 'content-scripts/redmine.js'], matches: ['*://redmine.example.test/*'] },
    ]);

    await redmine.reload();
    const redmineButton = redmine.locator('timecamp-button[data-integration="redmine"][data-external-id="redmine_issue_redmine.example.test/1"]');
    await expect.poll(() => redmineButton.count(), POLL).toBe(1);
    expect(await buttonIn(redmineButton).textContent()).toBe('Start timer');
    await screenshot(redmine, 'tracker-button-redmine-self-hosted');

    // Gitea's script is also in the manifest (codeberg.org, gitea.com): the same file runs here.
    const gitea = await extension.context.newPage();
    await gitea.goto('https://git.example.test/acme/web-shop/issues/5');
    const giteaButton = gitea.locator('timecamp-button[data-integration="gitea"][data-external-id="gitea_issue_git.example.test/acme/web-shop#5"]');
    await expect.poll(() => giteaButton.count(), POLL).toBe(1);
    expect(await gitea.locator('timecamp-button').count()).toBe(1);

    // Removing the domains on the options page unregisters their scripts.
    await options.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.set({ selfHostedDomains: [] }));
    await expect.poll(registered, POLL).toEqual([]);
    await redmine.close();
    await gitea.close();
  });
});
