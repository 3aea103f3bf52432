import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox';
import { FIXTURE_ROUTES, type FixtureRoute } from './helpers/fixture-routes';
import type { FixtureServer } from './helpers/fixture-server';
import { signInOn } from './helpers/sign-in';
import { BROWSERS, launchTestBrowser, startFixturesFor, type TestBrowser, type TestPage } from './helpers/test-browser';

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

/** The extension's API in one of its pages: `browser` in Firefox, `chrome` in Chromium. */
interface ExtensionApi {
  storage: { local: { set(items: object): Promise<void> } };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; js?: string[]; matches?: string[] }>> };
}
type ApiGlobals = { browser?: ExtensionApi; chrome: ExtensionApi };

/** What the `timecamp-button` hosts matching `host` show: how many, and the first one's button text and state. */
function buttons(page: TestPage, host: string) {
  return page.evaluate((host) => {
    const found = document.querySelectorAll(host);
    const button = found[0]?.shadowRoot?.querySelector('button');
    return { count: found.length, all: document.querySelectorAll('timecamp-button').length, text: button?.textContent ?? null, pressed: button?.getAttribute('aria-pressed') ?? null };
  }, host);
}

describe.each(BROWSERS)('the in-page Start timer button in %s', (browserName) => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let browser: TestBrowser;
  let options: TestPage;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixturesFor(browserName, [...FIXTURE_ROUTES, ...SELF_HOSTED_ROUTES]);
    browser = await launchTestBrowser(browserName, { fixtures });
    options = await browser.openOptions();
    await signInOn(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.waitForText('Signed in as');
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await sandbox?.close();
  });

  const demoTimer = () => sandbox.state.timers.get(sandbox.demo.userId);

  it('starts the GitHub issue’s task on TimeCamp, and every tab shows it running until one stops it', async () => {
    const first = await browser.open(ISSUE_URL);
    await expect.poll(async () => (await buttons(first, GITHUB_BUTTON)).count, POLL).toBe(1);
    expect(await buttons(first, GITHUB_BUTTON)).toMatchObject({ all: 1, text: 'Start timer', pressed: 'false' });
    await first.screenshot('tracker-button-github-idle');

    await first.click('button', 'Start timer');
    await expect.poll(() => demoTimer()?.task_id, POLL).toBe(sandbox.demo.tasks.githubIssue);
    // TimeCamp starts the timer first; the note follows in its own request (the entry is read afresh).
    const note = () => sandbox.state.entries.get(demoTimer()?.entry_id ?? -1)?.description;
    await expect.poll(note, POLL).toBe('#12 Fix login redirect after sign-in');
    // The tab that started it flips from storage, without a reload.
    await expect.poll(async () => (await buttons(first, GITHUB_BUTTON)).pressed, POLL).toBe('true');
    expect((await buttons(first, GITHUB_BUTTON)).text).toBe('Stop timer');
    await first.screenshot('tracker-button-github-running');

    const second = await browser.open(ISSUE_URL);
    await second.waitForRole('button', 'Stop timer');
    expect(await buttons(second, GITHUB_BUTTON)).toMatchObject({ all: 1, pressed: 'true' });

    await second.click('button', 'Stop timer');
    await expect.poll(demoTimer, POLL).toBeUndefined();
    // Both tabs go back to Start timer, the first one without a reload.
    await expect.poll(async () => (await buttons(first, GITHUB_BUTTON)).pressed, POLL).toBe('false');
    await second.waitForRole('button', 'Start timer');
    await first.close();
    await second.close();
  });

  it('runs on self-hosted domains once the background registered their scripts', async () => {
    const redmine = await browser.open('https://redmine.example.test/issues/1');
    // Not registered yet: the page is Redmine, but nothing of ours runs there.
    expect(await redmine.evaluate(() => document.querySelector('#content .subject h3')?.textContent, undefined)).toBe('Cart total rounds wrong');
    expect((await buttons(redmine, 'timecamp-button')).count).toBe(0);

    // What the options page writes once the user added the domains and granted access.
    const setDomains = (items: typeof SELF_HOSTED) =>
      options.evaluate((items) => {
        const { browser, chrome } = globalThis as unknown as ApiGlobals;
        return (browser ?? chrome).storage.local.set({ selfHostedDomains: items });
      }, items);
    await setDomains(SELF_HOSTED);
    const registered = () =>
      options.evaluate(async () => {
        const { browser, chrome } = globalThis as unknown as ApiGlobals;
        const scripts = await (browser ?? chrome).scripting.getRegisteredContentScripts();
        return scripts.map(({ id, js, matches }) => ({ id, js, matches })).sort((a, b) => a.id.localeCompare(b.id));
      }, undefined);
    await expect.poll(registered, POLL).toEqual([
      { id: 'selfhosted:gitea@git.example.test', js: ['content-scripts/core.js', 'content-scripts/gitea.js'], matches: ['*://git.example.test/*'] },
      { id: 'selfhosted:redmine@redmine.example.test', js: ['content-scripts/core.js', 'content-scripts/redmine.js'], matches: ['*://redmine.example.test/*'] },
    ]);

    await redmine.reload();
    const redmineButton = 'timecamp-button[data-integration="redmine"][data-external-id="redmine_issue_redmine.example.test/1"]';
    await expect.poll(async () => (await buttons(redmine, redmineButton)).count, POLL).toBe(1);
    expect((await buttons(redmine, redmineButton)).text).toBe('Start timer');
    await redmine.screenshot('tracker-button-redmine-self-hosted');

    // Gitea's script is also in the manifest (codeberg.org, gitea.com): the same file runs here.
    const gitea = await browser.open('https://git.example.test/acme/web-shop/issues/5');
    const giteaButton = 'timecamp-button[data-integration="gitea"][data-external-id="gitea_issue_git.example.test/acme/web-shop#5"]';
    await expect.poll(async () => (await buttons(gitea, giteaButton)).count, POLL).toBe(1);
    expect((await buttons(gitea, giteaButton)).all).toBe(1);

    // Removing the domains on the options page unregisters their scripts.
    await setDomains([]);
    await expect.poll(registered, POLL).toEqual([]);
    await redmine.close();
    await gitea.close();
  });
});
