// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DayView } from '@/components/day/DayView';
import { xOf } from '@/components/day/layout';
import type { DayData } from '@/lib/day/day-data';
import { account } from '@/lib/storage/account';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { recentTasks } from '@/lib/tasks/recent';
import { taskCache } from '@/lib/tasks/cache';
import { ACCOUNT, ACCOUNT_KEY, allByRole, byLabel, byRole, click, mount, nameOf, press, queryByRole, TREE, type, until, usePopupTestBrowser } from '../popup/harness';
import { dayData, dayEntry, drag, h, key, tap, timelineOf } from './harness';

// The browser is in Los Angeles; the TimeCamp account is in Warsaw (UTC+1 in November).
process.env.TZ = 'America/Los_Angeles';

const background = usePopupTestBrowser();

/** Monday 2026-11-30, 06:30 in Warsaw: still Sunday evening in Los Angeles. */
const NOW = Date.UTC(2026, 10, 30, 5, 30);

const DESIGN_REVIEW = dayEntry({ id: 11, taskId: 6, taskName: 'Design review', start: h(9), end: h(10.5), durationSeconds: 5400 });

async function open(data: Partial<DayData> = {}, initialDate: string | null = null) {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  await account.setValue(ACCOUNT);
  await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
  await taskCache.setValue({ fetchedAt: NOW, accountKey: ACCOUNT_KEY, nodes: TREE });
  await recentTasks.setValue([7]);
  background.answer('loadDay', (request) => dayData({ entries: [DESIGN_REVIEW], ...data, date: (request as { date: string }).date }));
  const page = mount(<DayView initialDate={initialDate} />);
  await until(() => byRole(page, 'group', 'Entries'));
  timelineOf(page);
  return page;
}

const blockNames = (page: HTMLElement) => allByRole(byRole(page, 'group', 'Entries'), 'button').map(nameOf);
const statuses = (page: HTMLElement) => allByRole(page, 'status').map((status) => status.textContent?.trim());

describe('the day view', () => {
  it("opens on the account's today and shows TimeCamp's own times, whatever the browser's zone", async () => {
    const page = await open();
    expect(background.of('loadDay')).toEqual([{ date: '2026-11-30' }]);
    expect(page.querySelector('.day-date')?.textContent).toContain('11/30/2026');
    expect(blockNames(page)).toEqual(['Design review, 09:00–10:30, 1 h 30 min']);
    // Now is drawn at the account's 06:30, not the browser's 21:30.
    expect(page.querySelector('line.now')?.getAttribute('x1')).toBe(String(xOf(h(6.5))));
  });

  it("draws the running timer's entry up to now, and leaves changing it to the popup", async () => {
    // TimeCamp lists a running timer's entry as it started: no length yet.
    const started = dayEntry({ id: 12, taskId: 6, taskName: 'Design review', start: h(5.5), end: h(5.5), durationSeconds: 0 });
    await runningTimer.setValue({ timerId: 3, entryId: 12, taskId: 6, taskName: 'Design review', taskPath: '', externalTaskId: null, note: '', billable: false, startedAt: NOW - 3_600_000, source: null, startedHere: true, startId: null });
    const page = await open({ entries: [started] });
    const block = byRole(page, 'button', 'Design review, 05:30–06:30, 1 h, timer running');
    key(block, 'ArrowRight');
    key(block, 'Enter');
    expect(background.of('editEntry')).toEqual([]);
    expect(blockNames(page)).toEqual(['Design review, 05:30–06:30, 1 h, timer running']);
  });

  it('moves an entry with the keyboard and sends the change to the queue, showing it at once', async () => {
    const page = await open();
    const block = byRole(page, 'button', 'Design review, 09:00–10:30, 1 h 30 min');
    key(block, 'ArrowRight');
    key(block, 'Enter');
    await until(() => expect(background.of('editEntry')).toEqual([{ entryId: 11, changes: { startTime: '09:05:00', endTime: '10:35:00', durationSeconds: 5400 } }]));
    expect(blockNames(page)).toEqual(['Design review, 09:05–10:35, 1 h 30 min']);
    await until(() => expect(statuses(page)).toContain('Changed: Design review, 09:05–10:35, 1 h 30 min'));
  });

  it('resizes the end with Shift and the arrows', async () => {
    const page = await open();
    const block = byRole(page, 'button', 'Design review, 09:00–10:30, 1 h 30 min');
    key(block, 'ArrowLeft', true);
    key(block, 'ArrowLeft', true);
    key(block, 'Enter');
    await until(() => expect(background.of('editEntry')).toEqual([{ entryId: 11, changes: { startTime: '09:00:00', endTime: '10:20:00', durationSeconds: 4800 } }]));
  });

  it('changes an entry that waits to be sent in the queue, as a whole', async () => {
    const waiting = dayEntry({ id: -1, waitingId: 'add-1', taskId: 7, taskName: 'Admin', note: 'Invoices', start: h(13), end: h(14) });
    const page = await open({ entries: [waiting] });
    key(byRole(page, 'button', 'Admin, 13:00–14:00, 1 h, waiting to be sent'), 'ArrowRight');
    key(byRole(page, 'button', 'Admin, 13:00–14:00, 1 h, waiting to be sent'), 'Enter');
    await until(() =>
      expect(background.of('editWaitingEntry')).toEqual([
        { actionId: 'add-1', entry: { date: '2026-11-30', startTime: '13:05:00', endTime: '14:05:00', durationSeconds: 3600, taskId: 7, note: 'Invoices' } },
      ]),
    );
    expect(background.of('editEntry')).toEqual([]);
  });

  it('says why the day could not be loaded, and loads it again on Try again', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    await account.setValue(ACCOUNT);
    await syncState.setValue({ ...(await syncState.getValue()), accountOffsetMinutes: 60 });
    let down = true;
    background.answer('loadDay', (request) => {
      if (down) throw new Error('Could not reach TimeCamp at app.timecamp.com (offline)');
      return dayData({ entries: [DESIGN_REVIEW], date: (request as { date: string }).date });
    });
    const page = mount(<DayView initialDate={null} />);
    const alert = await until(() => byRole(page, 'alert'));
    expect(alert.textContent).toContain('Could not reach TimeCamp');
    down = false;
    click(byRole(alert, 'button', 'Try again'));
    await until(() => expect(blockNames(page)).toEqual(['Design review, 09:00–10:30, 1 h 30 min']));
    expect(queryByRole(page, 'alert')).toBeNull();
  });

  it('puts the entry back and says why when the background refuses the change', async () => {
    const page = await open();
    background.answer('editEntry', () => {
      throw new Error('This entry is locked by an approved timesheet.');
    });
    const block = byRole(page, 'button', 'Design review, 09:00–10:30, 1 h 30 min');
    key(block, 'ArrowRight');
    key(block, 'Enter');
    await until(() => expect(allByRole(page, 'alert').map((alert) => alert.textContent)).toContain('The entry was not changed: This entry is locked by an approved timesheet.'));
    expect(blockNames(page)).toEqual(['Design review, 09:00–10:30, 1 h 30 min']);
  });

  it('turns a stretch dragged across into an entry, with the sites visited as its note', async () => {
    const page = await open({
      attendance: { start: h(8), end: h(16), workedSeconds: h(8) },
      activity: [
        { start: h(12), end: h(12.25), site: 'github.com' },
        { start: h(12.25), end: h(12.8), site: 'stackoverflow.com' },
        { start: h(12.8), end: h(13), site: 'github.com' },
      ],
    });
    drag(timelineOf(page), h(12) + 60, h(13) - 60);
    const form = await until(() => byRole(page, 'form', 'New entry, 12:00–13:00, 1 h'));
    expect(byLabel(form, 'Note').value).toBe('stackoverflow.com, github.com');

    const task = byRole(form, 'combobox', 'Task') as HTMLInputElement;
    type(task, 'meet');
    await until(() => expect(byRole(form, 'option').textContent).toContain('Meetings'));
    press(task, 'Enter');
    click(byRole(form, 'button', 'Add'));

    await until(() =>
      expect(background.of('addEntry')).toEqual([{ date: '2026-11-30', startTime: '12:00:00', endTime: '13:00:00', durationSeconds: 3600, taskId: 6, note: 'stackoverflow.com, github.com' }]),
    );
    await until(() => expect(queryByRole(page, 'form')).toBeNull());
    expect(statuses(page)).toContain('Entry added.');
    // The day is loaded again, with the entry TimeCamp (or the queue) now has.
    await until(() => expect(background.of('loadDay')).toHaveLength(2));
  });

  it('turns an untracked gap into an entry on a recent task in two clicks', async () => {
    const page = await open({ attendance: { start: h(8), end: h(10.5), workedSeconds: h(2.5) } });
    tap(byRole(page, 'button', 'Untracked, 08:00–09:00, 1 h'), h(8.5));
    click(await until(() => byRole(page, 'button', 'Add on Admin')));
    await until(() => expect(background.of('addEntry')).toEqual([{ date: '2026-11-30', startTime: '08:00:00', endTime: '09:00:00', durationSeconds: 3600, taskId: 7 }]));
  });

  it('totals the time per task and per site', async () => {
    const page = await open({
      entries: [DESIGN_REVIEW, dayEntry({ id: 12, taskId: 7, taskName: 'Admin', start: h(11), end: h(11.5), durationSeconds: 1800 }), dayEntry({ id: 13, taskId: 6, taskName: 'Design review', start: h(14), end: h(15) })],
      activity: [
        { start: h(9), end: h(9.5), site: 'github.com' },
        { start: h(9.5), end: h(10.5), site: 'figma.com' },
      ],
    });
    const rows = (heading: string) => allByRole(page, 'list', heading)[0]!.querySelectorAll('li');
    expect([...rows('Time per task')].map((row) => row.textContent)).toEqual(['Design review2:30', 'Admin0:30']);
    expect([...rows('Time per site')].map((row) => row.textContent)).toEqual(['figma.com1:00', 'github.com0:30']);
  });

  it('goes to the previous and next day, back to today, and to a day picked', async () => {
    const page = await open({}, '2026-11-27');
    await until(() => expect(byRole(page, 'button', 'Next day')).toHaveProperty('disabled', false));

    click(byRole(page, 'button', 'Previous day'));
    await until(() => expect(background.of('loadDay').at(-1)).toEqual({ date: '2026-11-26' }));
    click(byRole(page, 'button', 'Next day'));
    await until(() => expect(background.of('loadDay').at(-1)).toEqual({ date: '2026-11-27' }));
    click(byRole(page, 'button', 'Today'));
    await until(() => expect(background.of('loadDay').at(-1)).toEqual({ date: '2026-11-30' }));
    expect(byRole(page, 'button', 'Next day')).toHaveProperty('disabled', true);

    const picker = byLabel(page, 'Day');
    picker.value = '2026-11-02';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(background.of('loadDay').at(-1)).toEqual({ date: '2026-11-02' }));
  });
});
