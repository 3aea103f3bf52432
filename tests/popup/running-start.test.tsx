// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/Popup';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import { taskCache } from '@/lib/tasks/cache';
import { ACCOUNT, ACCOUNT_KEY, allByRole, byLabel, byRole, click, day, entry, mount, TODAY, TREE, type, until, usePopupTestBrowser } from './harness';

const background = usePopupTestBrowser();

/** Today at `time` in the browser's zone (the account's until TimeCamp has shown its own). */
const at = (time: string) => new Date(`${TODAY}T${time}:00`).getTime();

// The clock reads noon; timers (the popup's ticks, the test's waits) run as usual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at('12:00'));
});
afterEach(() => vi.useRealTimers());

const TIMER: RunningTimer = {
  timerId: 41,
  entryId: 501,
  taskId: 3,
  taskName: 'Login redirect',
  taskPath: 'Acme › Website › Login redirect',
  externalTaskId: null,
  note: 'Fix the redirect',
  billable: false,
  startedAt: at('11:55'),
  source: null,
  startedHere: true,
  startId: null,
};

async function changingStart(entries = [entry({ id: 1, taskId: 6, taskName: 'Meetings', startTime: '09:00:00', endTime: '10:00:00' })]) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await today.setValue(day(entries));
  await runningTimer.setValue(TIMER);
  const popup = mount(<Popup />);
  click(await until(() => byRole(popup, 'button', 'Change start')));
  const form = await until(() => byRole(popup, 'form', 'Change start time'));
  return { popup, form, field: byLabel(form, 'Started at') };
}

const warnings = (form: HTMLElement) => allByRole(form, 'status').map((element) => element.textContent).filter(Boolean);

describe("the running timer's start", () => {
  it('moves to a time typed ("I started 20 minutes ago")', async () => {
    const { form, field } = await changingStart();
    expect(field.value).toBe('11:55');

    type(field, '11:35');
    click(byRole(form, 'button', 'Save start'));

    await until(() => expect(background.of('moveTimerStart')).toEqual([{ startedAt: at('11:35') }]));
  });

  it('refuses a start in the future', async () => {
    const { form, field } = await changingStart();

    type(field, '12:30');
    click(byRole(form, 'button', 'Save start'));

    expect(allByRole(form, 'alert').map((element) => element.textContent)).toEqual(['The start cannot be in the future.']);
    expect(background.of('moveTimerStart')).toEqual([]);
  });

  it('warns, without refusing, when the new start is before the previous entry ends', async () => {
    const { form, field } = await changingStart([entry({ id: 1, taskId: 6, taskName: 'Meetings', startTime: '11:00:00', endTime: '11:45:00', durationSeconds: 2700 })]);
    expect(warnings(form)).toEqual([]);

    type(field, '11:30');

    expect(warnings(form)).toEqual(['Starts before Meetings 11:00–11:45 ends. You can still save.']);
    click(byRole(form, 'button', 'Save start'));
    await until(() => expect(background.of('moveTimerStart')).toEqual([{ startedAt: at('11:30') }]));
  });
});
