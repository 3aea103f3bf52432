import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issueLinks, rememberIssueTask } from '@/lib/tasks/issue-links';
import { recentTasks, rememberRecent, RECENT_TASKS_LIMIT } from '@/lib/tasks/recent';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('recent tasks', () => {
  it('keeps the most recent first, each task once', async () => {
    await rememberRecent(1);
    await rememberRecent(2);
    await rememberRecent(3);
    await rememberRecent(1);
    expect(await recentTasks.getValue()).toEqual([1, 3, 2]);
  });

  it('keeps the last twenty', async () => {
    for (let taskId = 1; taskId <= 25; taskId++) await rememberRecent(taskId);
    const recent = await recentTasks.getValue();
    expect(RECENT_TASKS_LIMIT).toBe(20);
    expect(recent).toHaveLength(20);
    expect(recent[0]).toBe(25);
    expect(recent.at(-1)).toBe(6);
  });

  it('loses none of several tasks remembered at once', async () => {
    await Promise.all([rememberRecent(1), rememberRecent(2), rememberRecent(3)]);
    expect([...(await recentTasks.getValue())].sort()).toEqual([1, 2, 3]);
  });
});

describe('remembered tasks of issues', () => {
  it('remembers the latest choice per issue', async () => {
    await Promise.all([rememberIssueTask('github_issue_octo/hello-world#3', 10), rememberIssueTask('jira_issue_acme.atlassian.net/PROJ-9', 20)]);
    await rememberIssueTask('github_issue_octo/hello-world#3', 11);
    expect(await issueLinks.getValue()).toEqual({ 'github_issue_octo/hello-world#3': 11, 'jira_issue_acme.atlassian.net/PROJ-9': 20 });
  });
});
