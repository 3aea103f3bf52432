import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleReportPage } from '@/lib/messaging/handlers';
import { pageReports } from '@/lib/storage/page-reports';

const OWN_ID = fakeBrowser.runtime.id;
const fromTab = (tabId: number) => ({ id: OWN_ID, tab: { id: tabId } });
const issue = { integration: 'github', url: 'https://github.com/octo/hello-world/issues/12' };

describe('reportPage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useRealTimers();
  });

  it('records the report under the sender tab, with the time it arrived', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z'), toFake: ['Date'] });

    await handleReportPage({ data: issue, sender: fromTab(7) });

    expect(await pageReports.getValue()).toEqual({
      7: [{ ...issue, at: Date.parse('2026-03-02T10:00:00Z') }],
    });
  });

  it('keeps one report per integration and tab, the latest, and leaves other tabs alone', async () => {
    await handleReportPage({ data: issue, sender: fromTab(1) });
    await handleReportPage({ data: { integration: 'gitlab', url: 'https://gitlab.com/g/p/-/issues/3' }, sender: fromTab(1) });
    await handleReportPage({ data: { ...issue, url: 'https://github.com/octo/hello-world/pull/40' }, sender: fromTab(1) });
    await handleReportPage({ data: issue, sender: fromTab(2) });

    const reports = await pageReports.getValue();
    expect(reports[1]?.map((r) => [r.integration, r.url])).toEqual([
      ['gitlab', 'https://gitlab.com/g/p/-/issues/3'],
      ['github', 'https://github.com/octo/hello-world/pull/40'],
    ]);
    expect(reports[2]?.map((r) => r.url)).toEqual([issue.url]);
  });

  it('loses no report when several arrive at once', async () => {
    await Promise.all(
      [1, 2, 3, 4, 5].map((tabId) => handleReportPage({ data: issue, sender: fromTab(tabId) })),
    );

    expect(Object.keys(await pageReports.getValue()).sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it.each([
    ['another extension', { id: 'someone-else', tab: { id: 1 } }, /not this extension/],
    ['a sender without id', { tab: { id: 1 } }, /not this extension/],
    ['an extension page outside a tab', { id: OWN_ID }, /content script in a tab/],
    ['a tab without id', { id: OWN_ID, tab: {} }, /content script in a tab/],
  ])('refuses %s and stores nothing', async (_label, sender, message) => {
    await expect(handleReportPage({ data: issue, sender })).rejects.toThrow(message);
    expect(await pageReports.getValue()).toEqual({});
  });

  it.each([
    ['no payload', undefined, /invalid payload/],
    ['a missing url', { integration: 'github' }, /url: is missing/],
    ['a url that is not one', { integration: 'github', url: 'not a url' }, /url: must be an http\(s\) URL/],
    ['a javascript: url', { integration: 'github', url: 'javascript:alert(1)' }, /url: must be an http\(s\) URL/],
    ['free text as integration', { integration: 'Git Hub!', url: issue.url }, /integration id/],
    ['a number as integration', { integration: 42, url: issue.url }, /integration/],
    ['an unexpected field', { ...issue, token: 'secret' }, /token: is not expected/],
  ])('refuses a payload with %s, saying what is wrong', async (_label, data, message) => {
    const refusal = handleReportPage({ data, sender: fromTab(1) });

    await expect(refusal).rejects.toThrow(message);
    await expect(refusal).rejects.toMatchObject({ name: 'MessageRefusedError' });
    expect(await pageReports.getValue()).toEqual({});
  });
});
