// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { IdleDetection } from '@/components/options/IdleDetection';
import { Reminders } from '@/components/options/Reminders';
import { settings } from '@/lib/storage/settings';
import { button, byLabel, click, descriptionOf, mount, notices, type, until, useOptionsTestBrowser } from './harness';

async function enabled(page: HTMLElement, label: string) {
  return until(() => {
    const field = byLabel(page, label);
    expect(field.disabled).toBe(false);
    return field;
  });
}

describe('idle detection', () => {
  useOptionsTestBrowser();

  it('switches on and off at once', async () => {
    const page = mount(<IdleDetection />);
    const toggle = await enabled(page, 'Ask about time away from the computer');
    expect(toggle.checked).toBe(false);

    click(toggle);
    await until(async () => expect((await settings.getValue()).idleDetection).toBe(true));
    await until(() => expect(notices(page)).toContain('Idle detection on.'));
  });

  it.each(['0', '241', '-5', '2.5', 'ten', ''])('refuses %j minutes', async (typed) => {
    const page = mount(<IdleDetection />);
    const minutes = await enabled(page, 'Away after (minutes)');
    type(minutes, typed);
    click(button(page, 'Save'));

    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(minutes)).toMatch(/from 1 to 240/);
    expect((await settings.getValue()).idleMinutes).toBe(10);
  });

  it.each([
    ['1', 1],
    ['240', 240],
    [' 25 ', 25],
  ])('saves %j minutes', async (typed, saved) => {
    const page = mount(<IdleDetection />);
    const minutes = await enabled(page, 'Away after (minutes)');
    type(minutes, typed);
    click(button(page, 'Save'));

    await until(async () => expect((await settings.getValue()).idleMinutes).toBe(saved));
    expect(minutes.getAttribute('aria-invalid')).toBe('false');
    await until(() => expect(notices(page)).toContain(`away after ${saved} min`));
  });
});

describe('reminders and working hours', () => {
  useOptionsTestBrowser();

  it('shows the stored hours and days, Monday first', async () => {
    const page = mount(<Reminders />);
    await until(() => expect(byLabel(page, 'From').value).toBe('09:00'));
    expect(byLabel(page, 'To').value).toBe('17:00');
    const days = [...page.querySelectorAll<HTMLLabelElement>('label.day')];
    expect(days.map((day) => day.textContent)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(days.map((day) => day.querySelector('input')!.checked)).toEqual([true, true, true, true, true, false, false]);
  });

  it('shows and takes the hours in the time format chosen on this page, not the browser\'s', async () => {
    await settings.setValue({ ...(await settings.getValue()), timeFormat: '24h' });
    const page = mount(<Reminders />);
    await until(() => expect(byLabel(page, 'To').value).toBe('17:00'));
    // A browser's own time field shows AM/PM in an English browser whatever was chosen here.
    expect(byLabel(page, 'To').type).not.toBe('time');

    await settings.setValue({ ...(await settings.getValue()), timeFormat: '12h' });
    await until(() => expect(byLabel(page, 'To').value).toBe('5:00 PM'));
    expect(byLabel(page, 'From').value).toBe('9:00 AM');
    type(byLabel(page, 'To'), '6:30 PM');
    click(button(page, 'Save'));
    await until(async () => expect((await settings.getValue()).workingHours).toMatchObject({ from: '09:00', to: '18:30' }));
  });

  it('saves a day as it is ticked', async () => {
    const page = mount(<Reminders />);
    const saturday = await enabled(page, 'Saturday');
    click(saturday);
    await until(async () => expect((await settings.getValue()).workingHours.days).toEqual([1, 2, 3, 4, 5, 6]));
    click(await enabled(page, 'Monday'));
    await until(async () => expect((await settings.getValue()).workingHours.days).toEqual([2, 3, 4, 5, 6]));
    expect(notices(page)).toContain('Working days saved.');
  });

  it.each([
    ['17:00', '09:00'],
    ['09:00', '09:00'],
  ])('refuses a day from %s to %s', async (from, to) => {
    const page = mount(<Reminders />);
    type(await enabled(page, 'From'), from);
    type(byLabel(page, 'To'), to);
    click(button(page, 'Save'));

    for (const label of ['From', 'To']) {
      const field = byLabel(page, label);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(field)).toContain('The working day must end after it starts.');
    }
    expect((await settings.getValue()).workingHours).toMatchObject({ from: '09:00', to: '17:00' });
  });

  it('refuses a missing time', async () => {
    const page = mount(<Reminders />);
    type(await enabled(page, 'From'), '');
    click(button(page, 'Save'));
    expect(descriptionOf(byLabel(page, 'From'))).toContain('Enter both times');
    expect((await settings.getValue()).workingHours.from).toBe('09:00');
  });

  it('saves valid hours, keeping the days', async () => {
    const page = mount(<Reminders />);
    type(await enabled(page, 'From'), '08:30');
    type(byLabel(page, 'To'), '16:15');
    click(button(page, 'Save'));

    await until(async () => expect((await settings.getValue()).workingHours).toEqual({ days: [1, 2, 3, 4, 5], from: '08:30', to: '16:15' }));
    await until(() => expect(notices(page)).toContain('Working hours saved.'));
  });

  it('switches reminders on', async () => {
    const page = mount(<Reminders />);
    click(await enabled(page, 'Remind me to track'));
    await until(async () => expect((await settings.getValue()).reminders).toBe(true));
  });
});
