import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { issueFromAnswer, IssueRefSchema } from '@/lib/messaging/timer-schemas';
import { pageReports } from '@/lib/storage/page-reports';
import { runningTimer } from '@/lib/storage/timer';
import { createTaskService } from '@/lib/tasks/service';
import { createTimerService } from '@/lib/timer/service';
import { contentScript, deliver, message, popupPage } from './deliver';

// An issue's address comes from a page (a link's href, the page's own URL) and ends up as a link
// in the popup. Only http(s) gets through, decided by the URL parser as a browser would.

const ISSUE = { integration: 'github', externalId: 'github_issue_octo/hello-world#12', key: '#12', title: 'Fix login redirect', url: 'https://github.com/octo/hello-world/issues/12' };

const NOT_WEB_LINKS = [
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'https://exa mple.com/issues/1',
  'https://',
  '/issues/12',
];

describe('links from pages and content scripts', () => {
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

  it.each(NOT_WEB_LINKS)('refuses %j as an issue link from a button, the popup and a page report', async (url) => {
    const refused = (text: RegExp) => ({ err: expect.objectContaining({ message: expect.stringMatching(text) }) });

    expect(await deliver(message('startFromIssue', { ...ISSUE, url }), contentScript())).toEqual(refused(/startFromIssue: invalid payload \(url\)/));
    expect(await deliver(message('startTimer', { taskId: 5, source: { ...ISSUE, url } }), popupPage())).toEqual(refused(/startTimer: invalid payload \(source\.url\)/));
    expect(await deliver(message('reportPage', { integration: 'github', url }), contentScript())).toEqual(refused(/url: must be an http\(s\) URL/));
    expect(await runningTimer.getValue()).toBeNull();
    expect(await pageReports.getValue()).toEqual({});
  });

  it("refuses a press whose picker frame id is not a short text", async () => {
    const refused = { err: expect.objectContaining({ message: expect.stringMatching(/startFromIssue: invalid payload \(frame\)/) }) };
    for (const frame of [7, '', 'x'.repeat(101), { id: 'f1' }]) {
      expect(await deliver(message('startFromIssue', { ...ISSUE, frame }), contentScript())).toEqual(refused);
    }
  });

  it('takes http and https links however they are written', () => {
    for (const url of [ISSUE.url, 'HTTPS://GitHub.com/octo/hello-world/issues/12', 'http://redmine.example.org:8443/issues/5']) {
      expect(v.safeParse(IssueRefSchema, { ...ISSUE, url }).success).toBe(true);
    }
  });

  it("checks a tab's answer to readIssue the same way: an issue, or nothing", () => {
    expect(issueFromAnswer(ISSUE)).toEqual(ISSUE);
    expect(issueFromAnswer({ ...ISSUE, url: 'javascript:alert(1)' })).toBeNull();
    expect(issueFromAnswer({ ...ISSUE, extra: '<script>' })).toBeNull();
    expect(issueFromAnswer(null)).toBeNull();
    expect(issueFromAnswer('#12 Fix login redirect')).toBeNull();
  });
});
