import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { pageReports } from '@/lib/storage/page-reports';
import { createTaskService } from '@/lib/tasks/service';
import { createTimerService } from '@/lib/timer/service';
import { deliver, message } from './deliver';

const ownTab = (tabId: number) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId } });
const issue = { integration: 'github', url: 'https://github.com/octo/hello-world/issues/12' };

describe('background message handlers', () => {
  let unregister: () => void;

  beforeEach(() => {
    fakeBrowser.reset();
    const tasks = createTaskService();
    unregister = registerBackgroundHandlers({ tasks, timer: createTimerService({ lookupTask: tasks.lookupTask }) });
  });
  afterEach(() => {
    unregister();
    vi.restoreAllMocks();
  });

  it('answers ping with the manifest version', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'TimeCamp Tracker',
      version: '1.2.3',
    });

    expect(await deliver(message('ping'), { id: fakeBrowser.runtime.id })).toEqual({ res: { version: '1.2.3' } });
  });

  it('records a page report and answers without a value', async () => {
    expect(await deliver(message('reportPage', issue), ownTab(4))).toEqual({ res: undefined });

    expect((await pageReports.getValue())[4]).toEqual([expect.objectContaining(issue)]);
  });

  it("keeps the tab's title the browser gave with the report, for the options page to name the tab", async () => {
    await deliver(message('reportPage', issue), { id: fakeBrowser.runtime.id, tab: { id: 4, title: 'Fix login redirect · Issue #12' } });

    expect((await pageReports.getValue())[4]).toEqual([expect.objectContaining({ title: 'Fix login redirect · Issue #12' })]);
  });

  it('sends a refusal back to the sender as an error with a readable message', async () => {
    const answer = await deliver(message('reportPage', { integration: 'github' }), ownTab(4));

    expect(answer).toEqual({
      err: expect.objectContaining({ name: 'MessageRefusedError', message: expect.stringMatching(/^reportPage: invalid payload: .*url/) }),
    });
  });

  it('forgets the reports of a tab when it closes', async () => {
    await deliver(message('reportPage', issue), ownTab(4));
    await deliver(message('reportPage', issue), ownTab(5));

    await fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 1, isWindowClosing: false });

    await vi.waitFor(async () => expect(Object.keys(await pageReports.getValue())).toEqual(['5']));
  });

  it('refuses sign-in from a content script, which runs inside a web page', async () => {
    const fromPage = { ...ownTab(4), url: 'https://github.com/octo/hello-world/issues/12' };
    const answer = await deliver(message('signIn', { token: 'stolen?', serverUrl: 'https://evil.example' }), fromPage);

    expect(answer).toEqual({ err: expect.objectContaining({ message: expect.stringContaining("only the extension's own pages") }) });
  });

  it('refuses a malformed sign-in from the extension\'s own page', async () => {
    const fromOptions = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    const answer = await deliver(message('signIn', { token: 42 }), fromOptions);

    expect(answer).toEqual({ err: expect.objectContaining({ message: expect.stringMatching(/signIn: invalid payload \(token, serverUrl\)/) }) });
  });
});
