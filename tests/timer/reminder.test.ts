import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import { isWorkingTime, remindToTrack } from '@/lib/timer/reminder';

const hours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' };
// Local (browser) times: reminders follow the user's own working day.
const at = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(2026, 10, 22 + day, h, m).getTime(); // 2026-11-22 is a Sunday
};

const REMINDER = 'No timer is running. Start one from the toolbar, or with Alt+Shift+T for your last task.';
const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('reminders', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('knows the working days and hours', () => {
    expect(isWorkingTime(new Date(at(1, '09:00')), hours)).toBe(true);
    expect(isWorkingTime(new Date(at(5, '16:59')), hours)).toBe(true);
    expect(isWorkingTime(new Date(at(5, '17:00')), hours)).toBe(false);
    expect(isWorkingTime(new Date(at(1, '08:59')), hours)).toBe(false);
    expect(isWorkingTime(new Date(at(6, '10:00')), hours)).toBe(false);
  });

  it('reminds at most hourly, only when asked to, in working hours, with no timer running', async () => {
    const told: string[] = [];
    const tell = async (message: string) => void told.push(message);

    expect(await remindToTrack(at(1, '10:00'), tell)).toBe(false); // off by default
    await settings.setValue({ ...DEFAULT_SETTINGS, reminders: true, workingHours: hours });
    expect(await remindToTrack(at(1, '10:00'), tell)).toBe(true);
    expect(await remindToTrack(at(1, '10:30'), tell)).toBe(false);
    expect(await remindToTrack(at(1, '11:00'), tell)).toBe(true);
    expect(await remindToTrack(at(6, '11:00'), tell)).toBe(false);

    await runningTimer.setValue({ taskId: 1 } as RunningTimer);
    expect(await remindToTrack(at(1, '15:00'), tell)).toBe(false);
    expect(told).toHaveLength(2);
    expect(told[0]).toContain('No timer is running');
  });

  it('knows a working day that starts and ends on the half hour', () => {
    const halves = { days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' };
    expect(isWorkingTime(new Date(at(2, '08:29')), halves)).toBe(false);
    expect(isWorkingTime(new Date(at(2, '08:30')), halves)).toBe(true);
    expect(isWorkingTime(new Date(at(2, '17:29')), halves)).toBe(true);
    expect(isWorkingTime(new Date(at(2, '17:30')), halves)).toBe(false);
  });

  it('nudges in the browser’s language, and in English without a catalogue', async () => {
    const told: string[] = [];
    const tell = async (message: string) => void told.push(message);
    await settings.setValue({ ...DEFAULT_SETTINGS, reminders: true, workingHours: hours });

    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => polish[name]?.message ?? '');
    await remindToTrack(at(1, '10:00'), tell);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    await remindToTrack(at(2, '10:00'), tell);

    expect(told).toEqual([polish.bg_reminder!.message, REMINDER]);
  });
});
