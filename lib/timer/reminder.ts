import { storage } from 'wxt/utils/storage';
import { settings, type Settings } from '@/lib/storage/settings';
import { runningTimer } from '@/lib/storage/timer';
import { say } from '@/lib/i18n';

const lastReminder = storage.defineItem<number | null>('session:lastReminder', { fallback: null });
const REMIND_EVERY_MS = 60 * 60_000;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Whether `at` (browser time) falls in the user's working days and hours. */
export function isWorkingTime(at: Date, hours: Settings['workingHours']): boolean {
  const minute = at.getHours() * 60 + at.getMinutes();
  return hours.days.includes(at.getDay()) && minute >= minutesOf(hours.from) && minute < minutesOf(hours.to);
}

/** A nudge, at most hourly, when nothing is tracked during working hours (off unless the user asks). */
export async function remindToTrack(now: number, tell: (message: string) => Promise<void>): Promise<boolean> {
  const prefs = await settings.getValue();
  if (!prefs.reminders || (await runningTimer.getValue()) || !isWorkingTime(new Date(now), prefs.workingHours)) return false;
  const last = await lastReminder.getValue();
  if (last !== null && now - last < REMIND_EVERY_MS) return false;
  await lastReminder.setValue(now);
  await tell(say('bg_reminder', 'No timer is running. Start one from the toolbar, or with Alt+Shift+T for your last task.'));
  return true;
}
