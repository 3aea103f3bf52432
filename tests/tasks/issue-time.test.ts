import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cachedIssueTime,
  fetchIssueTime,
  ISSUE_TIME_CACHE_SIZE,
  refreshIssueTime,
  withIssueTime,
  type CachedIssueTime,
} from '@/lib/tasks/issue-time';
import { useSandbox } from '../api/use-sandbox';

const env = useSandbox();
const NOW = Date.UTC(2024, 5, 12, 10, 0, 0);
const EXTERNAL_ID = 'github_issue_octo/hello-world#12';

beforeEach(() => {
  fakeBrowser.reset();
});

const today = () => env.sandbox.clock.localDateTime().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The demo user's seconds on these tasks, straight from the sandbox's own records. */
function storedSeconds(taskIds: number[], onlyDay?: string): number {
  let seconds = 0;
  for (const entry of env.sandbox.state.entries.values()) {
    if (entry.user_id !== env.sandbox.demo.userId || !taskIds.includes(entry.task_id) || entry.date > today()) continue;
    if (onlyDay === undefined || entry.date === onlyDay) seconds += entry.duration;
  }
  return seconds;
}

describe('time tracked on an issue', () => {
  it('sums today’s time and all of it, subtasks included', async () => {
    const { demo } = env.sandbox;
    const client = env.client();
    const issueTask = demo.tasks.githubIssue;
    const subtask = (await client.tasks.add({ name: 'Write the test', parentId: issueTask }))!;
    await client.entries.add({ date: today(), durationSeconds: 1_800, taskId: issueTask, note: 'today' });
    await client.entries.add({ date: today(), durationSeconds: 600, taskId: subtask.taskId, note: 'today, on a subtask' });
    await client.entries.add({ date: dayBefore(today()), durationSeconds: 3_600, taskId: issueTask, note: 'yesterday' });
    await client.entries.add({ date: '2023-01-02', durationSeconds: 7_200, taskId: subtask.taskId, note: 'long ago' });
    await client.entries.add({ date: today(), durationSeconds: 900, taskId: demo.tasks.internalMeetings, note: 'another task' });

    const time = await fetchIssueTime(client, issueTask, today());

    expect(time.todaySeconds).toBe(storedSeconds([issueTask, subtask.taskId], today()));
    expect(time.totalSeconds).toBe(storedSeconds([issueTask, subtask.taskId]));
    expect(time.todaySeconds).toBeGreaterThanOrEqual(2_400);
    expect(time.totalSeconds - time.todaySeconds).toBeGreaterThanOrEqual(10_800);
  });

  it('is zero for a task nobody tracked to', async () => {
    const client = env.client();
    const fresh = (await client.tasks.add({ name: 'Untouched', parentId: env.sandbox.demo.tasks.internalMeetings }))!;
    expect(await fetchIssueTime(client, fresh.taskId, today())).toEqual({ todaySeconds: 0, totalSeconds: 0 });
  });

  it('caches it per issue and says when it is too old to trust', async () => {
    const { githubIssue } = env.sandbox.demo.tasks;
    expect(await cachedIssueTime(EXTERNAL_ID, NOW, 60_000)).toBeNull();

    const stored = await refreshIssueTime(env.client(), EXTERNAL_ID, githubIssue, today(), NOW);
    expect(await cachedIssueTime(EXTERNAL_ID, NOW + 59_999, 60_000)).toEqual({ ...stored, fresh: true });
    expect(await cachedIssueTime(EXTERNAL_ID, NOW + 60_000, 60_000)).toMatchObject({ taskId: githubIssue, fresh: false });
    // After midnight, "today" was yesterday.
    expect(await cachedIssueTime(EXTERNAL_ID, NOW + 1_000, 60_000, '2099-01-01')).toMatchObject({ fresh: false });
  });

  it('keeps the most recently fetched issues only', async () => {
    const time = (fetchedAt: number): CachedIssueTime => ({ taskId: 1, day: '2024-06-12', fetchedAt, todaySeconds: 0, totalSeconds: 0 });
    let all = {};
    for (let i = 0; i < ISSUE_TIME_CACHE_SIZE + 5; i++) all = withIssueTime(all, `issue-${i}`, time(NOW + i));
    const kept = Object.keys(all);
    expect(kept).toHaveLength(ISSUE_TIME_CACHE_SIZE);
    expect(kept).toContain(`issue-${ISSUE_TIME_CACHE_SIZE + 4}`);
    expect(kept).not.toContain('issue-0');
  });
});
