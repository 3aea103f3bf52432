import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RecordedRequest, type Sandbox } from '../sandbox';
import { asList, type ParamRecord } from '../sandbox/form';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import type { FixtureRoute } from './helpers/fixture-routes';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { E2E_BUILD_DIR } from './helpers/paths';
import { signInThroughOptions } from './helpers/sign-in';

// Browser activity, switched on in the options page, records the site in front and sends it as
// computer activity. Two tracker pages on their real host names, a couple of seconds each.
const GITHUB_URL = 'https://github.com/octo/hello-world/issues/12';
const GITLAB_URL = 'https://gitlab.com/group/app/-/issues/5';
const ROUTES: FixtureRoute[] = [
  { host: 'github.com', path: /^\/[\w.-]+\/[\w.-]+\/issues\/\d+\/?$/, file: 'github/issue.html' },
  { host: 'gitlab.com', path: /^\/[\w.-]+\/[\w.-]+\/-\/issues\/\d+\/?$/, file: 'gitlab/issue.html' },
];
const ALARM = 'timecamp-activity';
/** Long enough for a span TimeCamp counts (whole seconds, at least one). */
const DWELL_MS = 2_500;
// Events cross the browser, the service worker, its storage and the sandbox; give them time on a slow machine.
const POLL = { timeout: 30_000 };

/** `chrome.*` inside the service worker (cast: Node has no `chrome`). */
interface Chrome {
  chrome: {
    alarms: { create(name: string, info: { when: number }): Promise<void> };
    permissions: { contains(permissions: { permissions: string[] }): Promise<boolean> };
  };
}

/**
 * The e2e build, with `tabs` granted at install instead of asked for. The switch asks the browser
 * for it, and Chrome answers that request with a prompt automation cannot click: the same reason
 * the e2e build has its test hosts granted beforehand (wxt.config.ts). With the permission already
 * held, the browser grants the switch's request at once, as a user's "Allow" would.
 */
async function buildWithTabsGranted(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'timecamp-e2e-activity-build-'));
  await cp(E2E_BUILD_DIR, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { permissions?: string[]; optional_permissions?: string[] };
  if (!manifest.optional_permissions?.includes('tabs')) throw new Error('The e2e build no longer lists `tabs` as an optional permission');
  manifest.permissions = [...(manifest.permissions ?? []), 'tabs'];
  manifest.optional_permissions = manifest.optional_permissions.filter((permission) => permission !== 'tabs');
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return dir;
}

const isActivityPost = (request: RecordedRequest) => request.method === 'POST' && request.resource === 'activity';

describe('browser activity, in Chromium', () => {
  let sandbox: Sandbox;
  let fixtures: FixtureServer;
  let buildDir: string;
  let extension: LaunchedExtension;
  let options: Page;
  let seededActivities: number;

  beforeAll(async () => {
    sandbox = await startSandbox();
    fixtures = await startFixtureServer(ROUTES);
    buildDir = await buildWithTabsGranted();
    extension = await launchExtension({ extensionDir: buildDir, hostMap: fixtures.hostMap });
    options = await extension.openOptions();
    await signInThroughOptions(options, { token: sandbox.token, serverUrl: sandbox.url });
    await options.getByText('Signed in as').waitFor(POLL);
    seededActivities = sandbox.state.activities.length;
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
    await sandbox?.close();
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
  });

  /** The flush alarm, due now: the worker's own listener cuts the open span and sends what waits. */
  const fireAlarm = () => extension.serviceWorker.evaluate((name) => (globalThis as unknown as Chrome).chrome.alarms.create(name, { when: Date.now() }), ALARM);

  async function visit(url: string): Promise<Page> {
    const page = await extension.context.newPage();
    await page.goto(url);
    await page.bringToFront();
    await page.waitForTimeout(DWELL_MS);
    return page;
  }

  it('is off at first: a site visited and the alarm fired send nothing', async () => {
    const activity = options.getByRole('switch', { name: 'Record browser activity' });
    await expect.poll(() => activity.isEnabled(), POLL).toBe(true);
    expect(await activity.isChecked()).toBe(false);

    const page = await visit(GITHUB_URL);
    await options.bringToFront();
    await fireAlarm();
    // Nothing is sent however long one waits; wait past when a send would have come.
    await options.waitForTimeout(5_000);
    await options.reload();
    await options.getByText('No browser activity is waiting to be sent.').waitFor(POLL);
    expect(sandbox.requests.filter(isActivityPost)).toEqual([]);
    expect(sandbox.state.activities.length).toBe(seededActivities);
    await page.close();
  });

  it('switched on, sends the sites in front as computer activity of "Internet", without titles', async () => {
    const activity = options.getByRole('switch', { name: 'Record browser activity' });
    await expect.poll(() => activity.isEnabled(), POLL).toBe(true);
    await activity.click();
    await options.getByText('Browser activity on.').waitFor(POLL);
    expect(await activity.isChecked()).toBe(true);
    expect(await options.getByRole('switch', { name: 'Also record page titles' }).isChecked()).toBe(false);
    expect(await extension.serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.permissions.contains({ permissions: ['tabs'] }))).toBe(true);

    const visitedFrom = Date.now();
    const github = await visit(GITHUB_URL);
    const gitlab = await visit(GITLAB_URL);
    // The options page comes to the front: an extension page is never recorded, so the GitLab span closes.
    await options.bringToFront();
    const visitedTo = Date.now();
    await fireAlarm();

    await expect.poll(() => sandbox.requests.filter((request) => isActivityPost(request) && request.status === 200).length, POLL).toBeGreaterThan(0);
    const added = sandbox.state.activities.slice(seededActivities);
    const internet = (applicationId: number) => sandbox.state.applications.get(applicationId);
    const sites = added.map((row) => ({
      user: row.user_id,
      application: internet(row.application_id)?.app_name,
      domain: internet(row.application_id)?.aditional_info,
      title: sandbox.state.windowTitles.get(row.window_title_id)?.window_title,
    }));
    expect(sites).toEqual([
      { user: sandbox.demo.userId, application: 'Internet', domain: 'github.com', title: '' },
      { user: sandbox.demo.userId, application: 'Internet', domain: 'gitlab.com', title: '' },
    ]);
    // Each lasted about the time spent on it (whole seconds), and nothing more than the visit.
    for (const row of added) {
      expect(row.time_span).toBeGreaterThanOrEqual(1);
      expect(row.time_span).toBeLessThanOrEqual(Math.ceil((visitedTo - visitedFrom) / 1000));
    }

    // What went on the wire: the two sites, each starting before it ends, with no window title.
    const sent = sandbox.requests
      .filter(isActivityPost)
      .flatMap((request) => asList((request.body as ParamRecord).computer_activities) as ParamRecord[]);
    expect(sent.map((item) => [item.application_name, item.website_domain])).toEqual([
      ['Internet', 'github.com'],
      ['Internet', 'gitlab.com'],
    ]);
    for (const item of sent) {
      expect(String(item.start_time) < String(item.end_time)).toBe(true);
      expect(item.window_title ?? '').toBe('');
    }
    // In order: GitHub ended no later than GitLab started.
    expect(String(sent[0]!.end_time) <= String(sent[1]!.start_time)).toBe(true);

    await options.reload();
    await options.getByText('No browser activity is waiting to be sent.').waitFor(POLL);
    await github.close();
    await gitlab.close();
  }, 180_000);
});
