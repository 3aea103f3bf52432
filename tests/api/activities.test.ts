import { describe, expect, it } from 'vitest';
import { useSandbox } from './use-sandbox';

const env = useSandbox();

describe('computer activities', () => {
  it('lists a day of activity and names its applications and window titles', async () => {
    const activities = env.client().activities;
    // The latest day the demo has activity on: today's is seeded only for what has passed of it,
    // which is nothing just after midnight in the account's zone.
    const day = env.sandbox.state.activities.map((row) => row.end_time.slice(0, 10)).sort().at(-1)!;

    const rows = await activities.list({ date: day });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ userId: expect.any(Number), durationSeconds: expect.any(Number), applicationId: expect.any(Number) });

    const appIds = [...new Set(rows.map((row) => row.applicationId!))];
    const apps = await activities.applications(appIds);
    expect(apps.map((app) => app.applicationId).sort()).toEqual([...appIds].sort());
    expect(apps.every((app) => app.name.length > 0)).toBe(true);

    const titleIds = [...new Set(rows.flatMap((row) => (row.windowTitleId ? [row.windowTitleId] : [])))];
    const titles = await activities.windowTitles(titleIds);
    expect(titles.map((title) => title.windowTitleId).sort()).toEqual([...titleIds].sort());
  });

  it('reports browser activity for the day', async () => {
    const activities = env.client().activities;
    const today = env.sandbox.clock.localDate();
    const before = (await activities.list({ date: today })).length;

    await activities.add([
      { applicationName: 'Internet', websiteDomain: 'github.com', windowTitle: 'Fix login redirect · Issue #12', startTime: `${today} 06:00:00`, endTime: `${today} 06:20:00`, taskId: env.sandbox.demo.tasks.githubIssue },
    ]);

    const after = await activities.list({ date: today });
    expect(after).toHaveLength(before + 1);
    expect(after).toContainEqual(expect.objectContaining({ durationSeconds: 1200, taskId: env.sandbox.demo.tasks.githubIssue }));
  });
});
