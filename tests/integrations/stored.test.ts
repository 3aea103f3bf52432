import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedIssueTimes, storedRunningTimer, storedSettings } from '@/lib/integrations/stored';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';
import { issueTime } from '@/lib/tasks/issue-time';
import { timerFor } from './helpers';

// Content scripts read storage without the storage library; these keep them reading exactly
// what the `runningTimer` and `settings` items write.
describe('what content scripts read from storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads runningTimer, and null when nothing runs', async () => {
    expect(await storedRunningTimer.getValue()).toBeNull();
    const timer = timerFor('github_issue_octo/hello-world#12');
    await runningTimer.setValue(timer);
    expect(await storedRunningTimer.getValue()).toEqual(timer);
  });

  it('hears every change of runningTimer, and nothing else', async () => {
    const heard = vi.fn();
    const unwatch = storedRunningTimer.watch(heard);
    const timer = timerFor('jira_issue_acme.atlassian.net/PROJ-7');
    await runningTimer.setValue(timer);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.session.set({ timer: 'not this one' });
    await runningTimer.removeValue();
    expect(heard.mock.calls).toEqual([[timer], [null]]);

    unwatch();
    await runningTimer.setValue(timer);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('reads the integrations switched off in settings, and hears them change', async () => {
    expect(await storedSettings.getValue()).toBeNull(); // never saved: everything is on
    const heard = vi.fn();
    storedSettings.watch(heard);
    await settings.setValue({ ...DEFAULT_SETTINGS, disabledIntegrations: ['jira'] });
    expect((await storedSettings.getValue())?.disabledIntegrations).toEqual(['jira']);
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ disabledIntegrations: ['jira'] }));
  });

  it('hears the background\'s issue-time cache change', async () => {
    const heard = vi.fn();
    storedIssueTimes.watch(heard);
    await issueTime.setValue({ 'github_issue_octo/hello-world#12': { taskId: 7, todaySeconds: 0, totalSeconds: 60, day: '2026-11-28', fetchedAt: 1 } });
    expect(heard).toHaveBeenCalledOnce();
  });
});
