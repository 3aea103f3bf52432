// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { actionQueue, EMPTY_QUEUE, type QueuedAction } from '@/lib/storage/queue';
import { taskCache } from '@/lib/tasks/cache';
import { ACCOUNT, ACCOUNT_KEY, byLabel, byRole, click, day, entry, mount, nameOf, TODAY, TREE, type, until, usePopupTestBrowser } from './harness';

const background = usePopupTestBrowser();

/** Today at `hours`:`minutes` in the browser's zone (the account's until TimeCamp has shown its own). */
const at = (hours: number, minutes: number) => new Date(`${TODAY}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00`).getTime();
const base = { account: ACCOUNT_KEY, sent: true };

/** A timer on Meetings with a note, started and stopped while TimeCamp could not be reached: the start was tried, nothing landed. */
const STOPPED_OFFLINE: QueuedAction[] = [
  { ...base, type: 'start', id: 'start-1', at: at(13, 0), taskId: 6 },
  { ...base, sent: false, type: 'edit-running', id: 'note-1', at: at(13, 0), timer: { startId: 'start-1' }, note: 'Planning call' },
  { ...base, sent: false, type: 'stop', id: 'stop-1', at: at(13, 40), timer: { startId: 'start-1' } },
];

/** A timer TimeCamp confirmed (entry 8) at 10:00, stopped offline at 10:45; the stored day was fetched before it started. */
const STOPPED_CONFIRMED: QueuedAction = {
  ...base,
  sent: false,
  type: 'stop',
  id: 'stop-8',
  at: at(10, 45),
  timer: { timerId: 80, entryId: 8 },
  ended: { startedAt: at(10, 0), taskId: 7, note: 'Release notes', billable: false },
};

const ADDED_OFFLINE: QueuedAction = {
  ...base,
  type: 'add-entry',
  id: 'add-1',
  at: at(15, 0),
  entry: { date: TODAY, startTime: '11:00:00', endTime: '11:30:00', durationSeconds: 1800, taskId: 7, note: 'Expenses' },
};

async function popupWith(actions: QueuedAction[], entries = [entry({ id: 1, taskId: 6, taskName: 'Meetings', note: 'Standup', startTime: '09:00:00', endTime: '09:15:00', durationSeconds: 900 })]) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await today.setValue(day(entries));
  await actionQueue.setValue({ ...EMPTY_QUEUE, actions });
  const popup = mount(<Popup />);
  const list = await until(() => byRole(popup, 'list', "Today's entries"));
  await until(() => expect(list.querySelectorAll(':scope > li').length).toBeGreaterThan(entries.length));
  return { popup, list };
}

const rows = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>(':scope > li')];
const rowOf = (list: HTMLElement, text: string) => rows(list).find((row) => row.textContent?.includes(text))!;

describe('entries that wait to be sent', () => {
  it('lists a timer stopped while TimeCamp was away with its times and note, marked as waiting', async () => {
    const { list } = await popupWith(STOPPED_OFFLINE);

    expect(rows(list).map((row) => row.querySelector('.entry-note')?.textContent)).toEqual(['Standup', 'Planning call']);
    const row = rowOf(list, 'Planning call');
    // Named from the task tree, read after the first paint.
    await until(() => expect(row.querySelector('.entry-task')?.textContent).toBe('Meetings'));
    expect(row.querySelector('.entry-range')?.textContent).toBe('13:00–13:40');
    expect(row.querySelector('.entry-duration')?.textContent).toBe('0:40');
    expect(row.textContent).toContain('Waiting to be sent');
    // A screen reader hears it with each of the row's actions, too.
    const edit = byRole(row, 'button', 'Edit');
    expect(edit.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)).toEqual(['Meetings', 'Waiting to be sent']);
    expect(rowOf(list, 'Standup').textContent).not.toContain('Waiting to be sent');
  });

  it('lists an entry added while TimeCamp was away, and counts it in the day', async () => {
    const { popup, list } = await popupWith([ADDED_OFFLINE]);

    const row = rowOf(list, 'Expenses');
    expect(row.querySelector('.entry-range')?.textContent).toBe('11:00–11:30');
    expect(row.textContent).toContain('Waiting to be sent');
    expect(popup.querySelector('.totals')!.textContent).toContain('Today0:45');
  });

  it('edits a waiting entry as a whole, in the queue', async () => {
    const { list } = await popupWith(STOPPED_OFFLINE);
    click(byRole(rowOf(list, 'Planning call'), 'button', 'Edit'));
    const editor = await until(() => byRole(list, 'form', 'Edit entry'));
    expect(byLabel(editor, 'Duration').value).toBe('0:40');

    type(byLabel(editor, 'End'), '13:30');
    type(byLabel(editor, 'Note'), 'Planning call, shorter');
    click(byRole(editor, 'button', 'Save'));

    await until(() =>
      expect(background.of('editWaitingEntry')).toEqual([
        { actionId: 'start-1', entry: { date: TODAY, startTime: '13:00:00', endTime: '13:30:00', durationSeconds: 1800, taskId: 6, note: 'Planning call, shorter' } },
      ]),
    );
    expect(background.of('editEntry')).toEqual([]);
  });

  it('deletes a waiting entry from the queue', async () => {
    const { list } = await popupWith([ADDED_OFFLINE]);

    click(byRole(rowOf(list, 'Expenses'), 'button', 'Delete'));

    await until(() => expect(background.of('deleteWaitingEntry')).toEqual([{ actionId: 'add-1' }]));
  });

  it('shows an entry TimeCamp lists as running as stopped, waiting, when its stop waits to be sent', async () => {
    const running = entry({ id: 5, taskId: 7, taskName: 'Admin', note: 'Inbox', startTime: '10:00:00', endTime: null, durationSeconds: 0 });
    await account.setValue(ACCOUNT);
    await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
    await today.setValue(day([running]));
    await actionQueue.setValue({ ...EMPTY_QUEUE, actions: [{ ...base, sent: false, type: 'stop', id: 'stop-5', at: at(10, 20), timer: { timerId: 40, entryId: 5 } }] });
    const popup = mount(<Popup />);
    const list = await until(() => byRole(popup, 'list', "Today's entries"));

    const row = await until(() => {
      const found = rowOf(list, 'Inbox');
      expect(found.textContent).toContain('Waiting to be sent');
      return found;
    });
    expect(row.querySelector('.entry-range')?.textContent).toBe('10:00–10:20');
    expect(row.querySelector('.entry-duration')?.textContent).toBe('0:20');
    expect(nameOf(byRole(row, 'button', 'Edit'))).toBe('Edit');
  });

  it('lists a timer TimeCamp confirmed and the user stopped while it was away, though the day predates its start', async () => {
    const { popup, list } = await popupWith([STOPPED_CONFIRMED]);

    const row = rowOf(list, 'Release notes');
    await until(() => expect(row.querySelector('.entry-task')?.textContent).toBe('Admin'));
    expect(row.querySelector('.entry-range')?.textContent).toBe('10:00–10:45');
    expect(row.textContent).toContain('Waiting to be sent');
    expect(popup.querySelector('.totals')!.textContent).toContain('Today1:00');

    // It is TimeCamp's entry: edited by its id, like the rest of the day.
    click(byRole(row, 'button', 'Edit'));
    const editor = await until(() => byRole(list, 'form', 'Edit entry'));
    type(byLabel(editor, 'Note'), 'Release notes, 2.4');
    click(byRole(editor, 'button', 'Save'));
    await until(() => expect(background.of('editEntry')).toEqual([{ entryId: 8, changes: expect.objectContaining({ note: 'Release notes, 2.4' }) }]));
    expect(background.of('editWaitingEntry')).toEqual([]);
  });

  it('shows the edits and the deletion queued after such a stop', async () => {
    const edit: QueuedAction = { ...base, sent: false, type: 'edit-entry', id: 'edit-8', at: at(11, 0), entryId: 8, changes: { note: 'Release notes, 2.4' } };
    const { list } = await popupWith([STOPPED_CONFIRMED, edit]);
    expect(rowOf(list, 'Release notes')!.querySelector('.entry-note')?.textContent).toBe('Release notes, 2.4');

    await actionQueue.setValue({ ...EMPTY_QUEUE, actions: [STOPPED_CONFIRMED, edit, { ...base, sent: false, type: 'delete-entry', id: 'delete-8', at: at(11, 5), entryId: 8 }] });
    await until(() => expect(rows(list).map((row) => row.querySelector('.entry-note')?.textContent)).toEqual(['Standup']));
  });
});
