import { describe, expect, it } from 'vitest';
import { badgeElapsed, badgeFor, type BadgeInput } from '@/lib/timer/badge';
import type { RunningTimer } from '@/lib/storage/timer';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const signedIn = { token: 't', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 1, email: 'a@b.c', displayName: 'Alex' }, signedInAt: 0 };
const calm = { lastSyncAt: NOW, accountOffsetMinutes: 60, authProblem: false, problem: null };
const timer: RunningTimer = {
  timerId: 1,
  entryId: 2,
  taskId: 3,
  taskName: 'Fix login redirect',
  taskPath: 'Acme › Hello World › Fix login redirect',
  externalTaskId: null,
  note: '#12 Fix login redirect',
  billable: true,
  startedAt: NOW - (2 * 60 + 5) * 60_000 - 30_000,
  source: null,
  startedHere: true,
  startId: null,
};
const input = (over: Partial<BadgeInput>): BadgeInput => ({ account: signedIn, timer: null, sync: calm, pending: 0, now: NOW, ...over });

describe('the toolbar badge', () => {
  it('shows elapsed h:mm on the running icon, and what is tracked in the tooltip', () => {
    expect(badgeFor(input({ timer }))).toEqual({
      text: '2:05',
      color: '#1f8f55',
      icon: 'running',
      title: 'Tracking Acme › Hello World › Fix login redirect: #12 Fix login redirect.',
    });
  });

  it('is empty on the stopped icon when nothing runs and all is sent', () => {
    expect(badgeFor(input({}))).toMatchObject({ text: '', icon: 'stopped', title: 'TimeCamp: no timer running.' });
  });

  it('warns when signed out, and when the token stopped working', () => {
    expect(badgeFor(input({ account: null }))).toMatchObject({ text: '!', title: expect.stringContaining('sign in') });
    expect(badgeFor(input({ timer, sync: { ...calm, authProblem: true }, pending: 2 }))).toMatchObject({
      text: '!',
      color: '#c62828',
      title: expect.stringMatching(/no longer accepts your API token.*2 changes wait/s),
    });
  });

  it('turns amber and says so when changes wait to be sent', () => {
    expect(badgeFor(input({ timer, pending: 1 }))).toMatchObject({ text: '2:05', color: '#b26a00', title: expect.stringContaining('1 change waits to be sent') });
    const offline = { ...calm, problem: { kind: 'network' as const, message: 'Could not reach app.timecamp.com', during: 'Stopping the timer', at: NOW } };
    expect(badgeFor(input({ sync: offline, pending: 1 }))).toMatchObject({ text: '!', title: expect.stringContaining('Stopping the timer: Could not reach') });
  });

  it('warns of a problem with nothing waiting, as a failed status check leaves, each reason on its own line', () => {
    const unreachable = { ...calm, problem: { kind: 'network' as const, message: 'Could not reach app.timecamp.com', during: 'Checking the timer', at: NOW } };
    expect(badgeFor(input({ sync: unreachable }))).toEqual({
      text: '!',
      color: '#b26a00',
      icon: 'stopped',
      title: 'TimeCamp: no timer running.\nChecking the timer: Could not reach app.timecamp.com',
    });
    expect(badgeFor(input({ timer, sync: unreachable }))).toMatchObject({ text: '2:05', color: '#b26a00' });
  });

  it('counts whole minutes', () => {
    expect(badgeElapsed(NOW - 59_999, NOW)).toBe('0:00');
    expect(badgeElapsed(NOW - 10 * 3600_000, NOW)).toBe('10:00');
    expect(badgeElapsed(NOW + 5_000, NOW)).toBe('0:00');
  });
});
