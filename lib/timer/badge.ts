import type { Account } from '@/lib/storage/account';
import type { SyncState } from '@/lib/storage/sync';
import type { RunningTimer } from '@/lib/storage/timer';
import { say } from '@/lib/i18n';

export interface BadgeInput {
  account: Account | null;
  timer: RunningTimer | null;
  sync: SyncState;
  /** Changes queued and not yet confirmed by TimeCamp. */
  pending: number;
  /** Of those, the ones held for the user (refused, or failing time after time). */
  held?: number;
  now: number;
}

export interface Badge {
  text: string;
  color: string;
  /** The toolbar tooltip: says why the badge looks as it does. */
  title: string;
  icon: 'running' | 'stopped';
}

const GREEN = '#1f8f55';
const AMBER = '#b26a00';
const RED = '#c62828';

/** `h:mm` of the time since `startedAt`: what fits in a badge. */
export function badgeElapsed(startedAt: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - startedAt) / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

const waiting = (pending: number) =>
  pending === 1 ? say('bg_badgeOneWaiting', '1 change waits to be sent to TimeCamp.') : say('bg_badgeWaiting', '$1 changes wait to be sent to TimeCamp.', [pending]);

/** What the toolbar button shows for the current state; warnings win over the timer. */
export function badgeFor({ account, timer, sync, pending, held = 0, now }: BadgeInput): Badge {
  const icon = timer ? 'running' : 'stopped';
  if (!account) return { text: '!', color: AMBER, title: say('bg_badgeSignedOut', 'TimeCamp: sign in to start tracking.'), icon };
  if (sync.authProblem) {
    const title = `${say('bg_badgeAuth', 'TimeCamp no longer accepts your API token. Open the extension to sign in again.')}${pending ? ` ${waiting(pending)}` : ''}`;
    return { text: '!', color: RED, title, icon };
  }
  const lines: string[] = [];
  if (timer) lines.push(say('bg_badgeTracking', 'Tracking $1.', [`${timer.taskPath || timer.taskName || 'time'}${timer.note ? `: ${timer.note}` : ''}`]));
  else lines.push(say('bg_badgeStopped', 'TimeCamp: no timer running.'));
  if (pending) lines.push(waiting(pending));
  if (held) lines.push(say('bg_badgeHeld', '$1 of them need your attention: open the extension.', [held]));
  if (sync.problem) lines.push(`${sync.problem.during}: ${sync.problem.message}`);
  const warn = pending > 0 || sync.problem !== null;
  if (held && !timer) return { text: '!', color: RED, title: lines.join('\n'), icon };
  if (timer) return { text: badgeElapsed(timer.startedAt, now), color: warn ? AMBER : GREEN, title: lines.join('\n'), icon };
  return { text: warn ? '!' : '', color: AMBER, title: lines.join('\n'), icon };
}
