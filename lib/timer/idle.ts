import { settings } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';
import type { TimerEngine } from './engine';
import { defineTrustedItem } from '@/lib/storage/trusted';

/** Time away from the computer while a timer ran, waiting for the user to say what to do with it. */
export interface IdlePeriod {
  /** When the user stopped using the computer (epoch ms). */
  since: number;
  /** When they came back; null while still away. */
  returnedAt: number | null;
}

export const idlePeriod = defineTrustedItem<IdlePeriod | null>('idle', { fallback: null });

export type IdleChoice = 'discard' | 'discard-and-continue' | 'keep';

export interface IdleDeps {
  engine: TimerEngine;
  now(): number;
  /** Asks the user (a notification; the popup shows the same choice). */
  ask(period: IdlePeriod, taskName: string): Promise<void>;
}

/**
 * Idle detection: the browser reports the machine idle after the threshold,
 * so the time away began that long before. On return the user chooses:
 * drop the time away, drop it and go on tracking from now, or keep it.
 */
export function createIdleHandling(deps: IdleDeps) {
  return {
    async onStateChanged(state: 'active' | 'idle' | 'locked'): Promise<void> {
      const prefs = await settings.getValue();
      const timer = await runningTimer.getValue();
      const pending = await idlePeriod.getValue();
      if (state !== 'active') {
        if (prefs.idleDetection && timer && !pending) {
          await idlePeriod.setValue({ since: Math.max(timer.startedAt, deps.now() - prefs.idleMinutes * 60_000), returnedAt: null });
        }
        return;
      }
      if (!pending || pending.returnedAt !== null) return;
      if (!timer) return idlePeriod.setValue(null);
      const period = { ...pending, returnedAt: deps.now() };
      await idlePeriod.setValue(period);
      await deps.ask(period, timer.taskName);
    },

    async resolve(choice: IdleChoice): Promise<void> {
      const period = await idlePeriod.getValue();
      await idlePeriod.setValue(null);
      const timer = await runningTimer.getValue();
      // A timer started during the time away (elsewhere, then synced) is not this one.
      if (!period || !timer || choice === 'keep' || timer.startedAt > period.since) return;
      // Away since the timer started (it ran less than the threshold before the browser reported
      // idleness): none of its time is to be kept, and a stop there would leave an empty entry.
      if (timer.startedAt === period.since) await deps.engine.discard();
      else await deps.engine.stop(period.since);
      if (choice === 'discard-and-continue' && timer.taskId !== null) {
        await deps.engine.start({ taskId: timer.taskId, note: timer.note, billable: timer.billable, source: timer.source });
      }
    },
  };
}
