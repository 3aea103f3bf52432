import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SITES } from '@/lib/integrations/catalog';
import { storedIssueTimes, storedPageTimer, storedSettings } from '@/lib/integrations/stored';
import { account } from '@/lib/storage/account';
import { pageState, publishPageState } from '@/lib/storage/publish-page-state';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { runningTimer, timerKey } from '@/lib/storage/timer';
import { issueTime } from '@/lib/tasks/issue-time';
import { timerFor } from './helpers';

const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 2_000, interval: 5 });

// Content scripts read only the projection the background publishes into storage.local, without
// the storage library; these keep them reading exactly what the background writes.
describe('what content scripts read from storage', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    stop = publishPageState();
  });
  afterEach(() => stop());

  it('reads the running timer as a button needs it, and null when nothing runs', async () => {
    await eventually(async () => expect(await pageState.getValue()).toMatchObject({ signedIn: false }));
    expect(await storedPageTimer.getValue()).toBeNull();
    const timer = timerFor('github_issue_octo/hello-world#12');
    await runningTimer.setValue(timer);
    await eventually(async () =>
      expect(await storedPageTimer.getValue()).toEqual({
        key: timerKey(timer),
        source: { externalId: 'github_issue_octo/hello-world#12' },
        externalTaskId: timer.externalTaskId,
        taskName: timer.taskName,
        startedAt: timer.startedAt,
      }),
    );
  });

  it('hears every change of the running timer', async () => {
    const heard = vi.fn();
    storedPageTimer.watch(heard);
    const timer = timerFor('jira_issue_acme.atlassian.net/PROJ-7');
    await runningTimer.setValue(timer);
    await eventually(() => expect(heard).toHaveBeenLastCalledWith(expect.objectContaining({ key: timerKey(timer) })));
    await runningTimer.removeValue();
    await eventually(() => expect(heard).toHaveBeenLastCalledWith(null));
  });

  it('reads the integrations switched off in settings, and hears them change', async () => {
    const heard = vi.fn();
    storedSettings.watch(heard);
    await settings.setValue({ ...DEFAULT_SETTINGS, disabledIntegrations: ['jira'] });
    // With the trackers whose optional hosts nobody switched on.
    const off = ['jira', ...SITES.filter((site) => site.optionalHosts).map((site) => site.id)];
    await eventually(async () => expect((await storedSettings.getValue())?.disabledIntegrations).toEqual(off));
    expect(heard).toHaveBeenLastCalledWith({ disabledIntegrations: off });
  });

  it("hears the background's tracked time per issue, totals only", async () => {
    const heard = vi.fn();
    storedIssueTimes.watch(heard);
    await issueTime.setValue({ 'github_issue_octo/hello-world#12': { taskId: 7, todaySeconds: 0, totalSeconds: 60, day: '2026-11-28', fetchedAt: 1 } });
    await eventually(() => expect(heard).toHaveBeenLastCalledWith({ 'github_issue_octo/hello-world#12': { totalSeconds: 60 } }));
  });

  it('carries nothing of the account but whether someone is signed in', async () => {
    await account.setValue({ token: 'secret-token', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 1, email: 'ann@example.com', displayName: 'Ann' }, signedInAt: 1 });
    await runningTimer.setValue({ ...timerFor('github_issue_octo/hello-world#12'), note: 'private note', taskPath: 'Client › Project › Task' });
    await eventually(async () => expect(await pageState.getValue()).toMatchObject({ signedIn: true, timer: expect.anything() }));

    const everything = JSON.stringify(await fakeBrowser.storage.local.get());
    for (const secret of ['secret-token', 'ann@example.com', 'private note', 'Client › Project', 'third_party']) expect(everything).not.toContain(secret);
  });
});
