import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { account } from '@/lib/storage/account';
import { moveToTrustedStorage } from '@/lib/storage/move-to-trusted';
import { actionQueue } from '@/lib/storage/queue';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';
import { issueLinks } from '@/lib/tasks/issue-links';
import { readStoredQueue } from '@/lib/timer/queue-rules';

const SIGNED_IN = { token: 'a36cabi96bba83f826', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 1001, email: 'alex@example.com', displayName: 'Alex' }, signedInAt: 1 };
const KEY = 'https://app.timecamp.com/third_party/api#1001';

/** `storage.local` as the version before kept it. */
const LEGACY = {
  account: SIGNED_IN,
  queue: { actions: [{ id: 'stop-1', at: 5, type: 'stop', timer: { timerId: 7, entryId: 8 } }], started: {}, failures: 1 },
  settings: { ...DEFAULT_SETTINGS, noteTemplate: '{key}: {title}', disabledIntegrations: ['trello'] },
  issueLinks: { 'github_issue_octo/hello-world#12': 81000004 },
  timer: null,
};

describe('updating from a version that kept everything in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the sign-in, settings, queue and remembered issue tasks, and leaves nothing behind', async () => {
    await fakeBrowser.storage.local.set({ ...LEGACY, pageState: { signedIn: true }, customIntegrations: [] });

    await moveToTrustedStorage();

    expect(await account.getValue()).toEqual(SIGNED_IN);
    expect(await settings.getValue()).toEqual(LEGACY.settings);
    expect(await issueLinks.getValue()).toEqual(LEGACY.issueLinks);
    expect(readStoredQueue(await actionQueue.getValue(), KEY).actions).toEqual([{ ...LEGACY.queue.actions[0], account: KEY }]);
    // Only what is not the user's secret stays where pages can read it.
    expect(Object.keys(await fakeBrowser.storage.local.get()).sort()).toEqual(['customIntegrations', 'pageState']);
  });

  it('lets nothing read or write the trusted state before the move is done', async () => {
    await fakeBrowser.storage.local.set(LEGACY);

    const moving = moveToTrustedStorage();
    const readDuring = account.getValue();
    const writeDuring = runningTimer.setValue(null);
    await Promise.all([moving, readDuring, writeDuring]);

    expect(await readDuring).toEqual(SIGNED_IN);
  });

  it('never trusts what a page writes under the old keys after the move', async () => {
    await moveToTrustedStorage();
    await account.setValue(null); // signed out since
    const planted = { ...SIGNED_IN, token: 'planted', baseUrl: 'https://evil.example/third_party/api' };
    await fakeBrowser.storage.local.set({ account: planted, queue: LEGACY.queue });

    await moveToTrustedStorage();

    expect(await account.getValue()).toBeNull();
    expect((await actionQueue.getValue()).actions).toEqual([]);
    expect(await fakeBrowser.storage.local.get(['account', 'queue'])).toEqual({});
  });
});
