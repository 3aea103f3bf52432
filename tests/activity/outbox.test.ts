import { describe, expect, it } from 'vitest';
import { createTimeCampClient } from '@/lib/api';
import { activityOutbox, activityRecorder } from '@/lib/activity/outbox';
import type { RecorderEvent } from '@/lib/activity/recorder';
import { createActivityService } from '@/lib/activity/service';
import { account, accountKeyOf, type Account } from '@/lib/storage/account';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { MINUTE, T0, useTimerHarness } from '../timer/harness';

// The outbox and its sends against the sandbox TimeCamp: what the user browsed reaches TimeCamp
// once, whatever the network and the worker do meanwhile, and only as the account it was recorded under.

const page = (tabId: number, url: string, title = 'Fix login redirect · Issue #12'): RecorderEvent => ({ type: 'front', tab: { tabId, url, title, incognito: false } });

describe('the activity outbox and its sends', () => {
  const h = useTimerHarness();
  let ids = 0;

  async function switchOn(titles = false) {
    await settings.setValue({ ...DEFAULT_SETTINGS, activity: { ...DEFAULT_SETTINGS.activity, enabled: true, titles } });
    // Warsaw in November: what the sandbox account's zone is, as a running timer would have shown it.
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
  }

  /** The background's activity service as a freshly started worker has it; storage is what survives. */
  function worker() {
    return createActivityService({
      client: async () => {
        const signedIn = await account.getValue();
        return signedIn && createTimeCampClient({ token: signedIn.token, baseUrl: signedIn.baseUrl, retry: { attempts: 1 } });
      },
      now: () => h.env.sandbox.clock.now(),
      newId: () => `batch-${++ids}`,
    });
  }

  /** Two minutes on GitHub, then three on Linear, closed by the next check. */
  async function browse(service: ReturnType<typeof worker>) {
    await service.record(h.env.sandbox.clock.now(), page(1, 'https://github.com/octo/hello-world/issues/12'));
    h.advance(2 * MINUTE);
    await service.record(h.env.sandbox.clock.now(), page(2, 'https://linear.app/acme/issue/ENG-42', 'ENG-42 Flaky test'));
    h.advance(3 * MINUTE);
    await service.record(h.env.sandbox.clock.now(), { type: 'tick' });
  }

  const posts = () => h.env.sandbox.requests.filter((request) => request.method === 'POST' && request.resource === 'activity');
  const landed = () =>
    h.env.sandbox.state.activities
      .filter((row) => row.end_time.startsWith('2026-11-27 10:'))
      .map((row) => [h.env.sandbox.state.applications.get(row.application_id)?.aditional_info, row.end_time, row.time_span, row.task_id]);

  it('sends the spans as computer activities with the running timer\'s task, and forgets them once TimeCamp has them', async () => {
    await switchOn();
    await runningTimer.setValue({ timerId: 1, entryId: 2, taskId: h.env.sandbox.demo.tasks.githubIssue, taskName: 'Fix login redirect', taskPath: '', externalTaskId: null, note: '', billable: false, startedAt: T0, source: null, startedHere: true, startId: null });
    const service = worker();
    await browse(service);
    expect(await service.status()).toEqual({ spans: 2, seconds: 300, oldestDay: '2026-11-27' });

    await service.flush();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body).toMatchObject({
      // A form body with PHP bracket arrays, as the sandbox's log parses it.
      computer_activities: {
        0: { application_name: 'Internet', website_domain: 'github.com', start_time: '2026-11-27 10:00:00', end_time: '2026-11-27 10:02:00', task_id: String(h.env.sandbox.demo.tasks.githubIssue) },
        1: { application_name: 'Internet', website_domain: 'linear.app', start_time: '2026-11-27 10:02:00', end_time: '2026-11-27 10:05:00' },
      },
    });
    expect(landed()).toEqual([
      ['github.com', '2026-11-27 10:02:00', 120, h.env.sandbox.demo.tasks.githubIssue],
      ['linear.app', '2026-11-27 10:05:00', 180, h.env.sandbox.demo.tasks.githubIssue],
    ]);
    expect(await service.status()).toEqual({ spans: 0, seconds: 0, oldestDay: null });
  });

  it('sends a span across the account\'s midnight as one activity on each day', async () => {
    await switchOn();
    const service = worker();
    // 23:58 in Warsaw (UTC+1), whatever the zone the tests run in.
    h.advance(Date.UTC(2026, 10, 27, 22, 58) - h.env.sandbox.clock.now());
    await service.record(h.env.sandbox.clock.now(), page(1, 'https://github.com/octo/hello-world/issues/12'));
    h.advance(5 * MINUTE);
    await service.record(h.env.sandbox.clock.now(), { type: 'tick' });
    expect(await service.status()).toEqual({ spans: 2, seconds: 300, oldestDay: '2026-11-27' });

    await service.flush();
    expect(posts()[0]!.body).toMatchObject({
      computer_activities: {
        0: { website_domain: 'github.com', start_time: '2026-11-27 23:58:00', end_time: '2026-11-28 00:00:00' },
        1: { website_domain: 'github.com', start_time: '2026-11-28 00:00:00', end_time: '2026-11-28 00:03:00' },
      },
    });
  });

  it('gives each part of a visit the task of the timer that ran then', async () => {
    await switchOn();
    const service = worker();
    const timer = (taskId: number) => ({ timerId: 1, entryId: 2, taskId, taskName: 'Task', taskPath: '', externalTaskId: null, note: '', billable: false, startedAt: T0, source: null, startedHere: true, startId: null });
    const { githubIssue, jiraIssue } = h.env.sandbox.demo.tasks;
    await service.record(h.env.sandbox.clock.now(), page(1, 'https://github.com/octo/hello-world/issues/12'));
    h.advance(2 * MINUTE);
    // A timer starts, then switches task, while the page stays in front (the background feeds the cut).
    await runningTimer.setValue(timer(githubIssue));
    await service.record(h.env.sandbox.clock.now(), { type: 'tick' });
    h.advance(3 * MINUTE);
    await runningTimer.setValue(timer(jiraIssue));
    await service.record(h.env.sandbox.clock.now(), { type: 'tick' });
    h.advance(MINUTE);
    // Stopped before the span closes: the last part still goes to the task it ran under.
    await runningTimer.setValue(null);
    await service.record(h.env.sandbox.clock.now(), page(2, 'https://linear.app/acme/issue/ENG-42'));

    await service.flush();
    expect(posts()[0]!.body).toMatchObject({
      computer_activities: {
        0: { website_domain: 'github.com', start_time: '2026-11-27 10:00:00', end_time: '2026-11-27 10:02:00' },
        1: { website_domain: 'github.com', start_time: '2026-11-27 10:02:00', end_time: '2026-11-27 10:05:00', task_id: String(githubIssue) },
        2: { website_domain: 'github.com', start_time: '2026-11-27 10:05:00', end_time: '2026-11-27 10:06:00', task_id: String(jiraIssue) },
      },
    });
    expect((posts()[0]!.body as { computer_activities: Record<string, object> }).computer_activities[0]).not.toHaveProperty('task_id');
  });

  it('sends no title while titles are off, and the title while they are on', async () => {
    await switchOn(false);
    await browse(worker());
    await worker().flush();
    expect(JSON.stringify(posts()[0]!.body)).not.toContain('window_title');
    expect(JSON.stringify(await activityOutbox.getValue())).not.toContain('Flaky');
    expect(JSON.stringify(await activityRecorder.getValue())).not.toContain('Flaky');

    await switchOn(true);
    await browse(worker());
    await worker().flush();
    expect(posts()[1]!.body).toMatchObject({ computer_activities: { 0: { window_title: 'Fix login redirect · Issue #12' }, 1: { window_title: 'ENG-42 Flaky test' } } });
  });

  it('keeps the spans through an offline period and sends them once when the network is back', async () => {
    await switchOn();
    const service = worker();
    await browse(service);
    await h.env.sandbox.faults.offline(true);
    await service.flush();
    await service.flush({ urgent: true });
    expect((await service.status()).spans).toBe(2);

    await h.env.sandbox.faults.offline(false);
    // The failures asked to wait: a routine flush before the wait is over sends nothing.
    await service.flush();
    expect(posts()).toHaveLength(0);
    h.advance(10 * MINUTE);
    await service.flush();
    expect(posts().filter((request) => request.status === 200)).toHaveLength(1);
    expect(landed()).toHaveLength(2);
    expect((await service.status()).spans).toBe(0);
  });

  it('never doubles a batch whose answer was lost when the worker was restarted', async () => {
    await switchOn();
    await browse(worker());
    h.env.sandbox.faults.dropNext(1, { afterApply: true });
    await worker().flush();
    expect(landed()).toHaveLength(2);
    expect((await activityOutbox.getValue()).accounts).not.toEqual({});

    // A new worker finds the batch in flight: it asks TimeCamp what landed before sending anything again.
    h.advance(10 * MINUTE);
    await worker().flush();
    expect(posts()).toHaveLength(1);
    expect(landed()).toHaveLength(2);
    expect((await activityOutbox.getValue()).accounts).toEqual({});
  });

  it('sends again what of a lost batch did not land, once', async () => {
    await switchOn();
    await browse(worker());
    h.env.sandbox.faults.dropNext(1);
    await worker().flush();
    expect(landed()).toHaveLength(0);

    h.advance(10 * MINUTE);
    await worker().flush();
    await worker().flush();
    expect(landed()).toHaveLength(2);
    expect(posts().filter((request) => request.status === 200)).toHaveLength(1);
  });

  it('never sends spans recorded under one account as another', async () => {
    await switchOn();
    const alex = (await account.getValue())!;
    await browse(worker());

    const marta = h.env.sandbox.users.find((user) => user.display_name === 'Marta Nowak')!;
    const other: Account = { ...alex, token: marta.token, user: { userId: marta.user_id, email: marta.email, displayName: marta.display_name } };
    await account.setValue(other);
    await worker().flush({ urgent: true });
    expect(posts()).toHaveLength(0);
    expect(await worker().status()).toEqual({ spans: 0, seconds: 0, oldestDay: null });
    expect(Object.keys((await activityOutbox.getValue()).accounts)).toEqual([accountKeyOf(alex)]);

    await account.setValue(alex);
    await worker().flush({ urgent: true });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.headers.authorization).toBe(`Bearer ${alex.token}`);
    expect(h.env.sandbox.state.activities.filter((row) => row.user_id === marta.user_id && row.end_time.startsWith('2026-11-27 10:'))).toEqual([]);
  });

  it('sends nothing while activity is off, and Delete what is waiting forgets it', async () => {
    await switchOn();
    const service = worker();
    await browse(service);
    await settings.setValue({ ...DEFAULT_SETTINGS });
    await service.flush({ urgent: true });
    expect(posts()).toHaveLength(0);

    await service.deleteWaiting();
    expect(await service.status()).toEqual({ spans: 0, seconds: 0, oldestDay: null });
    await switchOn();
    await service.flush({ urgent: true });
    expect(posts()).toHaveLength(0);
  });
});
