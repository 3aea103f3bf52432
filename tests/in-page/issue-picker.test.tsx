// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FrameSignal } from '@/components/in-page/frame-signals';
import { IssuePicker, PickerGone } from '@/components/task-picker/IssuePicker';
import type { PickerSession, TaskChoice } from '@/lib/messaging/protocol';
import { allByRole, byLabel, byRole, click, mount, press, type, until, usePopupTestBrowser } from '../popup/harness';

// The page inside the picker frame a tracker's button opens (entrypoints/picker): what the user
// sees and does there, and what it tells the tracker page.

const background = usePopupTestBrowser();

const ISSUE = { integration: 'github', externalId: 'github_issue_octo/hello-world#12', key: '#12', title: 'Fix login redirect', url: 'https://github.com/octo/hello-world/issues/12' };
const LOGIN: TaskChoice = { taskId: 13, name: 'Login redirect', path: 'Acme › Website › Login redirect', color: null };
const AUTH_WEB: TaskChoice = { taskId: 11, name: 'Authentication', path: 'Acme › Website › Backend › Authentication', color: null };
const AUTH_APP: TaskChoice = { taskId: 12, name: 'Authentication', path: 'Acme › Mobile app › Backend › Authentication', color: '#4caf50' };
const SESSION: PickerSession = { issue: ISSUE, note: '#12 Fix login redirect', suggestions: [LOGIN, AUTH_WEB] };

function openPicker(session = SESSION) {
  const posted: FrameSignal[] = [];
  const root = mount(<IssuePicker session={session} post={(signal) => posted.push(signal)} />);
  return {
    root,
    posted,
    task: () => byRole(root, 'combobox', 'Task') as HTMLInputElement,
    note: () => byLabel(root, 'Note'),
    rows: () => allByRole(root, 'option').map((option) => [option.querySelector('.task-option-name')?.textContent, option.querySelector('.task-option-path')?.textContent]),
    startButton: () => byRole(root, 'button', 'Start timer'),
  };
}

describe('the picker frame', () => {
  it('opens with the issue, its likely tasks listed, the first chosen, the note filled in and the task field focused', () => {
    const picker = openPicker();
    expect(picker.root.textContent).toContain('#12 Fix login redirect');
    expect(picker.rows()).toEqual([
      ['Login redirect', 'Acme › Website'],
      ['Authentication', 'Acme › Website › Backend'],
    ]);
    expect(allByRole(picker.root, 'option')[0]!.getAttribute('aria-selected')).toBe('true');
    expect(picker.task().value).toBe('Login redirect');
    expect(picker.note().value).toBe('#12 Fix login redirect');
    expect(document.activeElement).toBe(picker.task());
  });

  it('asks the background as the user types, and shows its answer, never an older one arriving late', async () => {
    let late: (rows: TaskChoice[]) => void = () => undefined;
    background.answer('searchTasks', (data) => ((data as { query: string }).query === 'au' ? new Promise((resolve) => (late = resolve)) : [AUTH_WEB, AUTH_APP]));
    const picker = openPicker();
    type(picker.task(), 'au');
    type(picker.task(), 'aut');
    await until(() => expect(picker.rows().map(([name]) => name)).toEqual(['Authentication', 'Authentication']));
    late([LOGIN]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(picker.rows().map(([name]) => name)).toEqual(['Authentication', 'Authentication']);
    expect(background.of('searchTasks')).toEqual([
      { query: 'au', limit: 20 },
      { query: 'aut', limit: 20 },
    ]);
  });

  it('shows the task picked with the arrow keys and Enter, with its path, instead of what was typed; Start starts it on the issue', async () => {
    background.answer('searchTasks', () => [AUTH_WEB, AUTH_APP]);
    const picker = openPicker();
    type(picker.task(), 'Authentication');
    await until(() => expect(picker.rows().map(([name]) => name)).toEqual(['Authentication', 'Authentication']));
    press(picker.task(), 'ArrowDown');
    press(picker.task(), 'Enter');

    expect(picker.task().value).toBe('Authentication');
    expect(picker.task().getAttribute('aria-expanded')).toBe('false');
    // Seven tasks may share a name: the path under the field says which one it is.
    expect(document.getElementById(picker.task().getAttribute('aria-describedby')!)?.textContent).toBe('Acme › Mobile app › Backend');
    expect(document.activeElement).toBe(picker.note());

    click(picker.startButton());
    await until(() => expect(picker.posted).toContainEqual({ type: 'started' }));
    expect(background.of('startTimer')).toEqual([{ taskId: AUTH_APP.taskId, note: '#12 Fix login redirect', source: ISSUE, remember: true }]);
  });

  it('starts with the note as the user changed it', async () => {
    const picker = openPicker();
    type(picker.note(), '  #12 Fix login redirect: reproduce  ');
    click(picker.startButton());
    await until(() => expect(background.of('startTimer')).toEqual([{ taskId: LOGIN.taskId, note: '#12 Fix login redirect: reproduce', source: ISSUE, remember: true }]));
  });

  it('stays open and says why when the start is refused', async () => {
    background.answer('startTimer', () => {
      throw new Error('TimeCamp is offline');
    });
    const picker = openPicker();
    click(picker.startButton());
    await until(() => expect(byRole(picker.root, 'alert').textContent).toBe('The timer did not start: TimeCamp is offline'));
    expect(picker.posted).not.toContainEqual({ type: 'started' });
    expect(picker.startButton().hasAttribute('disabled')).toBe(false);
  });

  it('says when a search fails, until one answers', async () => {
    background.answer('searchTasks', (data) => {
      if ((data as { query: string }).query === 'au') throw new Error('The background did not answer');
      return [AUTH_WEB];
    });
    const picker = openPicker();
    type(picker.task(), 'au');
    await until(() => expect(byRole(picker.root, 'alert').textContent).toBe('Search failed: The background did not answer'));
    type(picker.task(), 'aut');
    await until(() => expect(picker.rows().map(([name]) => name)).toEqual(['Authentication']));
    expect(allByRole(picker.root, 'alert')).toEqual([]);
  });

  it('fetches the task tree again when asked, and searches again for what is typed', async () => {
    const NEW: TaskChoice = { taskId: 14, name: 'Login redirect QA', path: 'Acme › Website › Login redirect QA', color: null };
    let refreshed = false;
    background.answer('searchTasks', () => (refreshed ? [NEW] : []));
    background.answer('refreshTasks', () => {
      refreshed = true;
      return { refreshed: true };
    });
    const picker = openPicker();
    type(picker.task(), 'qa');
    await until(() => expect(picker.rows()).toEqual([]));

    click(byRole(picker.root, 'button', 'Refresh tasks'));

    await until(() => expect(picker.rows()).toEqual([['Login redirect QA', 'Acme › Website']]));
    expect(background.of('refreshTasks')).toEqual([{ reason: 'asked' }]);
    expect(background.of('searchTasks')).toEqual([
      { query: 'qa', limit: 20 },
      { query: 'qa', limit: 20 },
    ]);
    expect(allByRole(picker.root, 'status').map((status) => status.textContent)).toContain('Task list refreshed.');
  });

  it('asks for a task when none was suggested', () => {
    const picker = openPicker({ ...SESSION, suggestions: [] });
    click(picker.startButton());
    expect(byRole(picker.root, 'alert').textContent).toBe('Choose a task first.');
    expect(background.of('startTimer')).toEqual([]);
  });

  it('closes the list with Escape first, then the picker; Cancel closes it too', () => {
    const picker = openPicker();
    press(picker.task(), 'Escape');
    expect(picker.task().getAttribute('aria-expanded')).toBe('false');
    expect(picker.posted).not.toContainEqual({ type: 'close' });
    press(picker.task(), 'Escape');
    expect(picker.posted).toContainEqual({ type: 'close' });

    const again = openPicker();
    click(byRole(again.root, 'button', 'Cancel'));
    expect(again.posted).toEqual(expect.arrayContaining([{ type: 'close' }]));
  });

  it('shows a hostile title as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const picker = openPicker({ ...SESSION, issue: { ...ISSUE, title: hostile } });
    expect(picker.root.textContent).toContain(`#12 ${hostile}`);
    expect(picker.root.querySelector('img')).toBeNull();
  });

  it('tells the tracker page its size and when it is done, and nothing about tasks', async () => {
    background.answer('searchTasks', () => [AUTH_WEB, AUTH_APP]);
    const picker = openPicker();
    type(picker.task(), 'auth');
    await until(() => expect(picker.rows()[1]?.[1]).toBe('Acme › Mobile app › Backend'));
    click(picker.startButton());
    await until(() => expect(picker.posted).toContainEqual({ type: 'started' }));

    expect(picker.posted).toContainEqual({ type: 'size', height: expect.any(Number) });
    for (const signal of picker.posted) expect(Object.keys(signal).sort()).toEqual(signal.type === 'size' ? ['height', 'type'] : ['type']);
  });
});

describe('the picker frame without its session', () => {
  it('says the picker expired, and closes', () => {
    const posted: FrameSignal[] = [];
    const root = mount(<PickerGone post={(signal) => posted.push(signal)} />);
    expect(byRole(root, 'alert').textContent).toBe('This task picker has expired. Press Start timer again.');
    click(byRole(root, 'button', 'Close'));
    expect(posted).toContainEqual({ type: 'close' });
  });
});
