import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReportsByTab } from '@/lib/storage/page-reports';
import type { ChromeGlobals } from './helpers/chrome-globals';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchExtension, type LaunchedExtension } from './helpers/launch-extension';
import { screenshot } from './helpers/screenshot';
import { readSessionStorage } from './helpers/session-storage';

const ISSUE_URL = 'https://github.com/octo/hello-world/issues/12';
// The report crosses two processes after the page loads; give it time on a slow machine.
const POLL = { timeout: 10_000 };

describe('GitHub content script', () => {
  let fixtures: FixtureServer;
  let extension: LaunchedExtension;

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    extension = await launchExtension({ hostMap: fixtures.hostMap });
  });
  afterAll(async () => {
    await extension?.close();
    await fixtures?.close();
  });

  const pageReports = async () => ((await readSessionStorage(extension.serviceWorker, 'pageReports')) ?? {}) as PageReportsByTab;

  it('reports the issue page to the background, which records it for the tab', async () => {
    const page = await extension.context.newPage();
    await page.goto(ISSUE_URL);

    // The page really is the fixture, under GitHub's URL: the mapping worked.
    expect(await page.getByTestId('issue-title').textContent()).toBe('Fix login redirect after sign-in');
    expect(fixtures.requests).toContainEqual({ host: 'github.com', path: '/octo/hello-world/issues/12', status: 200 });

    // One tab, one report: GitHub's, with the page's URL and title, the issue it found and the time it arrived.
    await expect.poll(async () => Object.values(await pageReports()), POLL).toEqual([
      [{ integration: 'github', url: ISSUE_URL, title: await page.title(), issuePage: true, externalIds: ['github_issue_octo/hello-world#12'], at: expect.any(Number) }],
    ]);
    await screenshot(page, 'github-issue');

    // The key is the id of the tab that shows the issue: it is an open tab, and
    // closing the issue's page removes it. (Without the `tabs` permission the
    // extension cannot read the tab's URL, so the check goes this way round.)
    const [tabId] = Object.keys(await pageReports()).map(Number);
    const tab = await extension.serviceWorker.evaluate(
      (tabId) => (globalThis as unknown as ChromeGlobals).chrome.tabs.get(tabId),
      tabId!,
    );
    expect(tab.id).toBe(tabId);

    await page.close();
    await expect.poll(pageReports, POLL).toEqual({});
  });
});
