// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { nextDate } from '@/components/popup/midnight-split';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { taskCache } from '@/lib/tasks/cache';
import type { Entry } from '@/lib/api';
import { ACCOUNT, ACCOUNT_KEY, allByRole, byLabel, byRole, click, day, entry, mount, press, queryByRole, TODAY, TREE, type, until, usePopupTestBrowser } from './harness';

const background = usePopupTestBrowser();

async function openForm(entries: Entry[] = []) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await today.setValue(day(entries));
  const popup = mount(<Popup />);
  await until(() => byRole(popup, 'list', "Today's entries"));
  click(byRole(popup, 'button', '+ Add entry'));
  // The form's code loads on the click (or in an idle moment before it): components/popup/editors.ts.
  return { popup, form: await until(() => byRole(popup, 'form', 'New entry')) };
}

async function chooseTask(form: HTMLElement, query: string, name: string) {
  const task = byRole(form, 'combobox', 'Task') as HTMLInputElement;
  type(task, query);
  await until(() => expect(byRole(form, 'option').textContent).toContain(name));
  press(task, 'Enter');
}

const alerts = (root: HTMLElement) => allByRole(root, 'alert').map((element) => element.textContent);


/** What the live regions under `root` say now. */
const statuses = (root: ParentNode) => allByRole(root, 'status').map((status) => status.textContent?.trim());
describe('adding an entry by hand', () => {
  it('needs a task, as Start timer does', async () => {
    const { form } = await openForm();
    type(byLabel(form, 'Start'), '9:00');
    type(byLabel(form, 'End'), '10:00');

    click(byRole(form, 'button', 'Add entry'));

    expect(alerts(form)).toContain('Choose a task first.');
    await Promise.resolve();
    expect(background.of('addEntry')).toEqual([]);
  });

  it('refuses a day that has not come yet', async () => {
    const { form } = await openForm();
    type(byLabel(form, 'Date'), nextDate(TODAY));
    type(byLabel(form, 'Start'), '9:00');
    type(byLabel(form, 'End'), '10:00');
    await chooseTask(form, 'admin', 'Admin');

    click(byRole(form, 'button', 'Add entry'));

    expect(alerts(form)).toContain('That day has not come yet: track time on a day up to today.');
    expect(background.of('addEntry')).toEqual([]);
  });

  it('confirms what was added once the form closes', async () => {
    const { popup, form } = await openForm();
    type(byLabel(form, 'Start'), '9:00');
    type(byLabel(form, 'End'), '10:00');
    await chooseTask(form, 'admin', 'Admin');

    click(byRole(form, 'button', 'Add entry'));

    await until(() => expect(queryByRole(popup, 'form', 'New entry')).toBeNull());
    expect(statuses(popup)).toContain('Entry added.');
    expect(background.of('addEntry')).toEqual([{ date: TODAY, startTime: '09:00:00', endTime: '10:00:00', durationSeconds: 3600, taskId: 7 }]);
  });

  it('saves a night shift across midnight as two entries, and says so', async () => {
    const { popup, form } = await openForm();
    type(byLabel(form, 'Date'), '2026-11-20');
    type(byLabel(form, 'Start'), '23:00');
    type(byLabel(form, 'End'), '01:00');
    await chooseTask(form, 'admin', 'Admin');

    expect(byLabel(form, 'Duration').value).toBe('2:00');
    expect(statuses(form)).toContain('Ends the next day: it will be saved as two entries, split at midnight.');
    click(byRole(form, 'button', 'Add entry'));

    await until(() =>
      expect(background.of('addEntry')).toEqual([
        { date: '2026-11-20', startTime: '23:00:00', endTime: '23:59:59', durationSeconds: 3600, taskId: 7 },
        { date: '2026-11-21', startTime: '00:00:00', endTime: '01:00:00', durationSeconds: 3600, taskId: 7 },
      ]),
    );
    await until(() => expect(statuses(popup)).toContain('Added as two entries, split at midnight.'));
  });

  it('runs a start and a duration past midnight into the next day too', async () => {
    const { form } = await openForm();
    type(byLabel(form, 'Date'), '2026-11-20');
    type(byLabel(form, 'Start'), '22:30');
    type(byLabel(form, 'Duration'), '2h');
    await chooseTask(form, 'admin', 'Admin');

    expect(byLabel(form, 'End').value).toBe('00:30');
    click(byRole(form, 'button', 'Add entry'));

    await until(() =>
      expect(background.of('addEntry')).toEqual([
        { date: '2026-11-20', startTime: '22:30:00', endTime: '23:59:59', durationSeconds: 5400, taskId: 7 },
        { date: '2026-11-21', startTime: '00:00:00', endTime: '00:30:00', durationSeconds: 1800, taskId: 7 },
      ]),
    );
  });

  it('warns, as the editor does, when the entry shares time with one of the day, and still adds it', async () => {
    const { form } = await openForm([entry({ id: 1, taskId: 6, taskName: 'Meetings', note: 'Standup', startTime: '09:00:00', endTime: '09:30:00', durationSeconds: 1800 })]);
    type(byLabel(form, 'Start'), '9:15');
    type(byLabel(form, 'End'), '10:00');
    await chooseTask(form, 'admin', 'Admin');

    expect(statuses(form)).toContain('Overlaps Meetings 09:00–09:30. You can still save.');
    // Another day's entries are not this day's.
    type(byLabel(form, 'Date'), '2026-11-20');
    expect(statuses(form).filter((status) => status?.startsWith('Overlaps'))).toEqual([]);
    type(byLabel(form, 'Date'), TODAY);
    type(byLabel(form, 'Start'), '9:30');
    expect(statuses(form).filter((status) => status?.startsWith('Overlaps'))).toEqual([]);

    type(byLabel(form, 'Start'), '9:15');
    click(byRole(form, 'button', 'Add entry'));
    await until(() => expect(background.of('addEntry')).toEqual([{ date: TODAY, startTime: '09:15:00', endTime: '10:00:00', durationSeconds: 2700, taskId: 7 }]));
  });
});
