// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { taskCache } from '@/lib/tasks/cache';
import { ACCOUNT, ACCOUNT_KEY, allByRole, byLabel, byRole, click, day, entry, mount, TREE, type, until, usePopupTestBrowser } from './harness';

const background = usePopupTestBrowser();

const DESIGN = entry({ id: 1, taskId: 7, taskName: 'Admin', note: 'Design', startTime: '14:05:00', endTime: '16:05:00', durationSeconds: 7200 });
const REVIEW = entry({ id: 2, taskId: 6, taskName: 'Meetings', note: 'Review', startTime: '16:30:00', endTime: '17:00:00', durationSeconds: 1800 });

async function editing(entries = [DESIGN, REVIEW]) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await today.setValue(day(entries));
  const popup = mount(<Popup />);
  const list = await until(() => byRole(popup, 'list', "Today's entries"));
  const row = [...list.querySelectorAll('li')].find((li) => li.textContent?.includes('Design'))!;
  click(byRole(row, 'button', 'Edit'));
  const editor = await until(() => byRole(list, 'form', 'Edit entry'));
  return { editor, field: (label: string) => byLabel(editor, label) };
}

const warnings = (editor: HTMLElement) => allByRole(editor, 'status').map((element) => element.textContent ?? '').filter(Boolean);

describe('the entry editor keeps start, end and duration in step', () => {
  it('recomputes the duration as a new end is typed, and saves what it shows', async () => {
    const { editor, field } = await editing();

    type(field('End'), '17:05');

    expect([field('Start').value, field('End').value, field('Duration').value]).toEqual(['14:05', '17:05', '3:00']);
    click(byRole(editor, 'button', 'Save'));
    await until(() => expect(background.of('editEntry')).toEqual([{ entryId: 1, changes: { startTime: '14:05:00', endTime: '17:05:00', durationSeconds: 10_800 } }]));
  });

  it('moves the end as a new duration is typed, and says which field wins', async () => {
    const { editor, field } = await editing();

    type(field('Duration'), '1:00');

    expect(field('End').value).toBe('15:05');
    expect(editor.textContent).toContain('A new duration moves the end; a new start or end recomputes the duration.');
    click(byRole(editor, 'button', 'Save'));
    await until(() => expect(background.of('editEntry')).toEqual([{ entryId: 1, changes: { durationSeconds: 3600, endTime: '15:05:00' } }]));
  });

  it('recomputes the duration when the start moves', async () => {
    const { field } = await editing();

    type(field('Start'), '13:35');

    expect(field('Duration').value).toBe('2:30');
  });

  it('warns, without blocking, when the new times overlap another entry of the day', async () => {
    const { editor, field } = await editing();
    expect(warnings(editor)).toEqual([]);

    type(field('Duration'), '3h');

    expect(field('End').value).toBe('17:05');
    expect(warnings(editor)).toEqual(['Overlaps Meetings 16:30–17:00. You can still save.']);
    click(byRole(editor, 'button', 'Save'));
    await until(() => expect(background.of('editEntry')).toEqual([{ entryId: 1, changes: { durationSeconds: 10_800, endTime: '17:05:00' } }]));
  });

  it('drops the warning once the times no longer overlap', async () => {
    const { editor, field } = await editing();
    type(field('End'), '16:45');
    expect(warnings(editor)).toHaveLength(1);

    type(field('End'), '16:30');

    expect(warnings(editor)).toEqual([]);
  });
});
