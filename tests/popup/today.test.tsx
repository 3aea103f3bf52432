// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/Popup';
import { SectionBoundary } from '@/components/popup/SectionBoundary';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { runningTimer } from '@/lib/storage/timer';
import { taskCache } from '@/lib/tasks/cache';
import {
  ACCOUNT,
  ACCOUNT_KEY,
  allByRole,
  byLabel,
  byRole,
  click,
  day,
  entry,
  mount,
  press,
  queryByRole,
  TODAY,
  TREE,
  type,
  until,
  usePopupTestBrowser,
} from './harness';

const background = usePopupTestBrowser();

const ENTRIES = [
  entry({ id: 1, taskId: 6, taskName: 'Meetings', note: 'Standup', startTime: '09:00:00', endTime: '09:15:00', durationSeconds: 900 }),
  entry({ id: 2, taskId: 3, taskName: 'Login redirect', note: 'Invoiced work', startTime: '09:30:00', endTime: '11:00:00', durationSeconds: 5400, invoiceId: 77, locked: true }),
  entry({ id: 3, taskId: 7, taskName: 'Admin', note: 'Approved week', startTime: '11:00:00', endTime: '12:00:00', durationSeconds: 3600, locked: true }),
];

async function withDay(entries = ENTRIES, extra: Parameters<typeof day>[1] = {}) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await today.setValue(day(entries, extra));
  const popup = mount(<Popup />);
  const list = await until(() => byRole(popup, 'list', "Today's entries"));
  return { popup, list };
}

const rows = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>(':scope > li')];
const rowOf = (list: HTMLElement, text: string) => rows(list).find((row) => row.textContent?.includes(text))!;

describe("today's entries", () => {
  it('lists task, note, start–end and duration, with the day and week totals', async () => {
    const { popup, list } = await withDay();

    expect(rows(list)).toHaveLength(3);
    const first = rows(list)[0]!;
    expect(first.querySelector('.entry-task')?.textContent).toBe('Meetings');
    expect(first.querySelector('.entry-note')?.textContent).toBe('Standup');
    expect(first.querySelector('.entry-range')?.textContent).toBe('09:00–09:15');
    expect(first.querySelector('.entry-duration')?.textContent).toBe('0:15');
    const totals = popup.querySelector('.totals')!.textContent;
    expect(totals).toContain('Today2:45');
    expect(totals).toContain('Week10:00');
  });

  it('shows invoiced and approved entries read-only, saying why', async () => {
    const { list } = await withDay();

    const invoiced = rowOf(list, 'Invoiced work');
    expect(invoiced.querySelector('.badge')?.textContent).toBe('Invoiced');
    expect(queryByRole(invoiced, 'button', 'Edit')).toBeNull();
    expect(queryByRole(invoiced, 'button', 'Delete')).toBeNull();
    expect(invoiced.querySelectorAll('input')).toHaveLength(0);
    const approved = rowOf(list, 'Approved week');
    expect(approved.querySelector('.badge')?.textContent).toBe('Locked by an approved timesheet');
    expect(queryByRole(approved, 'button', 'Edit')).toBeNull();
    // Continuing starts a new timer; it does not touch the locked entry.
    expect(queryByRole(approved, 'button', 'Continue')).not.toBeNull();
    expect(byRole(rowOf(list, 'Standup'), 'button', 'Edit')).toBeInstanceOf(HTMLElement);
  });

  it('hides a deleted entry at once and sends nothing when Undo is pressed', async () => {
    const { popup, list } = await withDay();
    vi.useFakeTimers();

    click(byRole(rowOf(list, 'Standup'), 'button', 'Delete'));
    expect(list.textContent).not.toContain('Standup');
    click(byRole(popup, 'button', 'Undo'));
    expect(list.textContent).toContain('Standup');
    await vi.advanceTimersByTimeAsync(10_000);

    expect(background.of('deleteEntry')).toEqual([]);
  });

  it('sends the delete once the time to undo has passed', async () => {
    const { popup, list } = await withDay();
    vi.useFakeTimers();

    click(byRole(rowOf(list, 'Standup'), 'button', 'Delete'));
    await vi.advanceTimersByTimeAsync(4000);
    expect(background.of('deleteEntry')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1500);

    expect(background.of('deleteEntry')).toEqual([{ entryId: 1 }]);
    expect(queryByRole(popup, 'button', 'Undo')).toBeNull();
  });

  it('sends a waiting delete when the popup closes', async () => {
    const { list } = await withDay();
    click(byRole(rowOf(list, 'Standup'), 'button', 'Delete'));

    dispatchEvent(new Event('pagehide'));

    await until(() => expect(background.of('deleteEntry')).toEqual([{ entryId: 1 }]));
  });

  it('explains an invalid duration next to the field and keeps the entry unchanged', async () => {
    const { list } = await withDay();
    click(byRole(rowOf(list, 'Standup'), 'button', 'Edit'));
    const editor = await until(() => byRole(list, 'form', 'Edit entry'));
    const duration = byLabel(editor, 'Duration');
    expect(duration.value).toBe('0:15');

    type(duration, 'an hour or so');
    click(byRole(editor, 'button', 'Save'));

    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(duration.getAttribute('aria-describedby')!)?.textContent).toBe('Try 1h30m, 1:30, 90m or 1.5h.');
    expect(background.of('editEntry')).toEqual([]);
  });

  it('saves a new duration (the end moves with it) and a new note', async () => {
    const { list } = await withDay();
    click(byRole(rowOf(list, 'Standup'), 'button', 'Edit'));
    const editor = await until(() => byRole(list, 'form', 'Edit entry'));

    type(byLabel(editor, 'Duration'), '1h30m');
    type(byLabel(editor, 'Note'), 'Standup and planning');
    click(byRole(editor, 'button', 'Save'));

    await until(() =>
      expect(background.of('editEntry')).toEqual([{ entryId: 1, changes: { note: 'Standup and planning', durationSeconds: 5400, endTime: '10:30:00' } }]),
    );
  });

  it('saves new times with the duration they make', async () => {
    const { list } = await withDay();
    click(byRole(rowOf(list, 'Standup'), 'button', 'Edit'));
    const editor = await until(() => byRole(list, 'form', 'Edit entry'));

    type(byLabel(editor, 'Start'), '8:45');
    click(byRole(editor, 'button', 'Save'));

    await until(() =>
      expect(background.of('editEntry')).toEqual([{ entryId: 1, changes: { startTime: '08:45:00', endTime: '09:15:00', durationSeconds: 1800 } }]),
    );
  });

  it('continues an entry: a timer on its task with its note', async () => {
    const { list } = await withDay();

    click(byRole(rowOf(list, 'Standup'), 'button', 'Continue'));

    await until(() => expect(background.of('startTimer')).toEqual([{ taskId: 6, note: 'Standup' }]));
  });

  it('adds a manual entry for another day from start and duration', async () => {
    const { popup } = await withDay([]);
    click(byRole(popup, 'button', '+ Add entry'));
    const form = await until(() => byRole(popup, 'form', 'New entry'));
    expect(byLabel(form, 'Date').value).toBe(TODAY);

    type(byLabel(form, 'Date'), '2026-11-20');
    type(byLabel(form, 'Start'), '14:00');
    type(byLabel(form, 'Duration'), '1.5h');
    const task = byRole(form, 'combobox', 'Task') as HTMLInputElement;
    type(task, 'admin');
    // The tree is read after the first paint: wait for it before choosing.
    await until(() => expect(byRole(form, 'option').textContent).toContain('Admin'));
    press(task, 'Enter');
    type(byLabel(form, 'Note'), 'Expenses');
    click(byRole(form, 'button', 'Add entry'));

    await until(() =>
      expect(background.of('addEntry')).toEqual([
        { date: '2026-11-20', startTime: '14:00:00', endTime: '15:30:00', durationSeconds: 5400, taskId: 7, note: 'Expenses' },
      ]),
    );
  });

  it('leaves the running entry to the timer card and counts its time in the totals', async () => {
    await runningTimer.setValue({
      timerId: 1,
      entryId: 1,
      taskId: 6,
      taskName: 'Meetings',
      taskPath: 'Internal › Meetings',
      externalTaskId: null,
      note: 'Standup',
      billable: false,
      startedAt: Date.now() - 600_000,
      source: null,
      startedHere: true,
      startId: null,
    });
    const { popup, list } = await withDay([entry({ id: 1, durationSeconds: 0 }), ENTRIES[2]!]);

    expect(rows(list)).toHaveLength(1);
    expect(popup.querySelector('.totals')!.textContent).toContain('Today1:10');
  });

  it('shows tracked time against attendance, and time away', async () => {
    const { popup } = await withDay(ENTRIES, {
      attendance: { userId: 7, userName: 'Ada', date: TODAY, startTime: '08:30:00', endTime: null, workedSeconds: 5.5 * 3600, approved: false },
      away: [{ userId: 7, date: TODAY, startTime: '12:00:00', endTime: '12:30:00', durationSeconds: null, description: 'Lunch' }],
    });

    const meter = byRole(popup, 'meter');
    expect(meter.getAttribute('aria-valuetext')).toBe('2:45 of 5:30');
    expect(popup.querySelector('.totals')!.textContent).toContain('Away0:30');
  });
});

describe('track this page', () => {
  // The fake browser's tabs keep no titles; a real one gives them to the popup through activeTab.
  function activeTab(tab: { id: number; url: string; title: string }) {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab, index: 0, highlighted: true, active: true, pinned: false, incognito: false, windowId: 1 }]);
    return { ...tab, query };
  }

  async function startForm() {
    await account.setValue(ACCOUNT);
    await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'button', 'Track this page'));
    await until(() => expect(popup.querySelector('.task-picker')).not.toBeNull());
    return popup;
  }

  it("fills the note from a page's title when no tracker integration answers", async () => {
    activeTab({ id: 5, url: 'https://example.com/post', title: 'A blog post' });
    const popup = await startForm();

    click(byRole(popup, 'button', 'Track this page'));

    await until(() => expect(byLabel(popup, 'Note').value).toBe('A blog post'));
  });

  it("uses a tracker issue's key and title, and selects the task linked to it", async () => {
    const tab = activeTab({ id: 6, url: 'https://github.com/octo/repo/issues/12', title: 'Fix login redirect · Issue #12' });
    const issue = { integration: 'github', externalId: 'github_issue_octo/repo#12', key: '#12', title: 'Fix login redirect', url: 'https://github.com/octo/repo/issues/12' };
    // The tab's content script answers readIssue (Chrome's callback form, as the messaging library calls it).
    const tabsSend = vi.fn((_tabId: number, _message: unknown, _options: unknown, reply: (answer: unknown) => void) => reply({ res: issue }));
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(tabsSend as never);
    const popup = await startForm();

    click(byRole(popup, 'button', 'Track this page'));

    await until(() => expect(byLabel(popup, 'Note').value).toBe('#12 Fix login redirect'));
    expect(tabsSend.mock.calls[0]![0]).toBe(tab.id);
    expect(tab.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    await until(() => expect((byRole(popup, 'combobox', 'Task') as HTMLInputElement).value).toBe('Login redirect'));
    click(byRole(popup, 'button', 'Start timer'));
    await until(() => expect(background.of('startTimer')).toEqual([{ taskId: 3, note: '#12 Fix login redirect', source: issue }]));
  });
});

describe('a failing section', () => {
  it('shows a sentence, not a stack trace, and leaves the rest alone', () => {
    function Broken(): never {
      throw new Error('TypeError: x is undefined\n    at Broken (popup.js:1:1)');
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = mount(
      <main>
        <SectionBoundary name="today's entries">
          <Broken />
        </SectionBoundary>
        <p>Still here</p>
      </main>,
    );

    expect(byRole(root, 'alert').textContent).toBe("Could not show today's entries. Try again");
    expect(root.textContent).not.toContain('popup.js');
    expect(root.textContent).toContain('Still here');
    expect(allByRole(root, 'button', 'Try again')).toHaveLength(1);
  });
});
