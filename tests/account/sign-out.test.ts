import { describe, expect, it } from 'vitest';
import { signOut } from '@/lib/account/sign-out';
import { account, lastServerUrl } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { settings, DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';
import { useTimerHarness } from '../timer/harness';

const h = useTimerHarness();

describe('signing out', () => {
  it('sends what is queued, then forgets the token, the timer and the queue but keeps the settings', async () => {
    await settings.setValue({ ...DEFAULT_SETTINGS, noteTemplate: '{title}' });
    const { engine, queue } = h.boot();
    await engine.start({ taskId: h.env.sandbox.demo.tasks.githubIssue });

    expect(await signOut(queue)).toEqual({ signedOut: true });
    expect(h.serverTimer()).not.toBeNull();
    expect(await account.getValue()).toBeNull();
    expect(await runningTimer.getValue()).toBeNull();
    expect((await settings.getValue()).noteTemplate).toBe('{title}');
  });

  it('keeps the server URL signed out of, not the token, for the next sign-in', async () => {
    const { queue } = h.boot();
    const server = (await account.getValue())!.baseUrl;

    expect(await signOut(queue)).toEqual({ signedOut: true });

    expect(await lastServerUrl.getValue()).toBe(server);
    expect(JSON.stringify(await lastServerUrl.getValue())).not.toContain(h.env.sandbox.token);
  });

  it('keeps everything while changes cannot be sent, until the user says to drop them', async () => {
    const { engine, queue } = h.boot();
    await h.env.sandbox.faults.offline(true);
    await engine.start({ taskId: h.env.sandbox.demo.tasks.githubIssue });

    expect(await signOut(queue)).toEqual({ signedOut: false, pending: 1 });
    expect(await account.getValue()).not.toBeNull();
    expect((await actionQueue.getValue()).actions).toHaveLength(1);

    expect(await signOut(queue, { dropQueue: true })).toEqual({ signedOut: true });
    expect((await actionQueue.getValue()).actions).toEqual([]);
    expect(await account.getValue()).toBeNull();
  });
});
