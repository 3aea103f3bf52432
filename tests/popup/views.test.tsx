// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/Popup';
import { readPopupSnapshot } from '@/components/popup/use-popup-state';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { actionQueue, EMPTY_QUEUE, type QueuedAction } from '@/lib/storage/queue';
import { syncState } from '@/lib/storage/sync';
import { runningTimer } from '@/lib/storage/timer';
import { taskCache } from '@/lib/tasks/cache';
import { idlePeriod } from '@/lib/timer/idle';
import { buildTaskNodes } from '@/lib/tasks/tree';
import { ACCOUNT, ACCOUNT_KEY, allByRole, blur, byLabel, byRole, click, day, entry, mount, press, queryByRole, RUNNING, TREE, type, until, usePopupTestBrowser } from './harness';

const background = usePopupTestBrowser();


async function signedIn() {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
}

describe('the popup, signed out', () => {
  it('asks for the API token, says where to find it, and keeps the server URL under Advanced', async () => {
    const popup = mount(<Popup />);

    await until(() => byRole(popup, 'button', 'Connect'));
    expect(byLabel(popup, 'API token').type).toBe('password');
    expect(byRole(popup, 'link', 'Where do I find my API token?').getAttribute('href')).toBe('https://app.timecamp.com/app#/settings/users/me');
    const serverUrl = byLabel(popup, 'Server URL');
    expect(serverUrl.closest('details')?.open).toBe(false);
    expect(popup.querySelector('summary')?.textContent).toBe('Advanced');
  });

});

describe('the popup, no timer running', () => {
  it('asks the background to sync as it opens, and again when the user signs in inside it', async () => {
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'button', 'Connect'));
    expect(background.of('syncNow')).toEqual([]);

    await signedIn();

    await until(() => expect(background.of('syncNow')).toHaveLength(1));
    await until(() => byRole(popup, 'button', 'Start timer'));
  });

  it('offers a Task combobox, a Note and Start timer, the task field focused', async () => {
    await signedIn();
    const popup = mount(<Popup />);

    await until(() => byRole(popup, 'button', 'Start timer'));
    const task = byRole(popup, 'combobox', 'Task');
    expect(task.getAttribute('aria-expanded')).toBe('false');
    // The field takes the focus in an effect, after the first paint.
    await until(() => expect(document.activeElement).toBe(task));
    expect(byLabel(popup, 'Note').tagName).toBe('INPUT');
    expect(queryByRole(popup, 'timer')).toBeNull();
    // One task bills, so the account uses billing and the switch is offered.
    await until(() => byRole(popup, 'checkbox'));
  });

  it('starts on the task picked by typing and Enter, with the note', async () => {
    await signedIn();
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'combobox', 'Task'));
    const task = byRole(popup, 'combobox', 'Task') as HTMLInputElement;

    type(task, 'meet');
    await until(() => expect(byRole(popup, 'option').textContent).toContain('Meetings'));
    press(task, 'Enter');
    expect(task.value).toBe('Meetings');
    const note = byLabel(popup, 'Note');
    expect(document.activeElement).toBe(note);
    type(note, 'Weekly planning');
    // Enter in the note submits the form in a browser (the e2e test presses it); happy-dom has no implicit submission.
    click(byRole(popup, 'button', 'Start timer'));

    await until(() => expect(background.of('startTimer')).toEqual([{ taskId: 6, note: 'Weekly planning' }]));
  });

  it('says what is missing instead of starting without a task', async () => {
    await signedIn();
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'button', 'Start timer'));

    click(byRole(popup, 'button', 'Start timer'));

    expect(byRole(popup, 'alert').textContent).toBe('Choose a task first.');
    expect(background.of('startTimer')).toEqual([]);
  });
});

describe('the popup left open', () => {
  const syncs = () => background.of('syncNow');
  // Only the interval is faked. Messages leave asynchronously, so waiting uses real timeouts
  // (`until`, being vi.waitFor, would move the faked clock on by itself).
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  async function eventually(check: () => void): Promise<void> {
    for (let tries = 0; ; tries++) {
      try {
        return check();
      } catch (error) {
        if (tries === 100) throw error;
        await settle();
      }
    }
  }

  it("asks the background for TimeCamp's status every 15 s, until it closes", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await signedIn();
    const popup = mount(<Popup />);
    await eventually(() => expect(syncs()).toEqual([{}]));

    vi.advanceTimersByTime(14_999);
    await settle();
    expect(syncs()).toEqual([{}]);
    vi.advanceTimersByTime(1);
    await eventually(() => expect(syncs()).toEqual([{}, { periodic: true }]));
    vi.advanceTimersByTime(15_000);
    await eventually(() => expect(syncs()).toEqual([{}, { periodic: true }, { periodic: true }]));

    act(() => render(null, popup));
    vi.advanceTimersByTime(60_000);
    await settle();
    expect(syncs()).toHaveLength(3);
  });

  it('asks nothing while signed out, and stops asking when the user signs out', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const popup = mount(<Popup />);
    await eventually(() => byRole(popup, 'button', 'Connect'));
    vi.advanceTimersByTime(60_000);
    await settle();
    expect(syncs()).toEqual([]);

    await signedIn();
    await eventually(() => expect(syncs()).toEqual([{}]));
    await account.setValue(null);
    await eventually(() => byRole(popup, 'button', 'Connect'));
    // Preact lets go of the signed-in effects after the next paint.
    await settle();
    vi.advanceTimersByTime(60_000);
    await settle();
    expect(syncs()).toEqual([{}]);
  });
});

describe('the popup, a timer running', () => {
  /** The running card as the user meets it: the elapsed time, the task, no Start, and a Stop that reaches the background. */
  async function showsTheRunningTimerAndStopsIt(popup: HTMLElement, timer: HTMLElement): Promise<void> {
    expect(timer.textContent).toMatch(/^0:01:0\d$/);
    expect(popup.querySelector('.running-name')?.textContent).toBe('Login redirect');
    expect(queryByRole(popup, 'button', 'Start timer')).toBeNull();
    click(byRole(popup, 'button', 'Stop timer'));
    await until(() => expect(background.of('stopTimer')).toHaveLength(1));
  }

  it('shows the running timer in its first paint when its state was read before rendering, never "Loading…"', async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);
    const first = await readPopupSnapshot();

    const popup = mount(<Popup first={first} />);

    // Checked right after the first render, before any storage read of its own could answer.
    expect(popup.textContent).not.toContain('Loading');
    await showsTheRunningTimerAndStopsIt(popup, byRole(popup, 'timer'));
  });

  it('renders from storage as before when nothing was read ahead: "Loading…", then the running timer', async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);

    const popup = mount(<Popup />);

    expect(popup.textContent).toContain('Loading');
    await until(() => expect(byRole(popup, 'timer').textContent).toMatch(/^0:01:0\d$/));
  });

  it('shows the task with its path, the elapsed time as a timer, and Stop timer', async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);
    const popup = mount(<Popup />);

    const timer = await until(() => byRole(popup, 'timer'));
    expect(popup.querySelector('.running-path')?.textContent).toBe('Acme › Website');
    expect(byRole(popup, 'link', 'Open #12 Fix login redirect').getAttribute('href')).toBe(RUNNING.source!.url);
    await showsTheRunningTimerAndStopsIt(popup, timer);
  });

  it('saves a note edited in place on Enter, and only when it changed', async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);
    const popup = mount(<Popup />);
    const note = await until(() => byLabel(popup, 'Note'));
    expect(note.value).toBe('Fix the redirect');

    blur(note);
    type(note, 'Fix the redirect loop');
    press(note, 'Enter');

    await until(() => expect(background.of('updateTimer')).toEqual([{ note: 'Fix the redirect loop' }]));
  });

  it('switches task from now on: this entry stops, a new one starts on the task picked', async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);
    const popup = mount(<Popup />);
    click(await until(() => byRole(popup, 'button', 'Switch task (from now)')));
    expect(popup.textContent).toContain('This entry stops now, and a new one starts on the task you pick.');

    const task = byRole(popup, 'combobox', 'Task') as HTMLInputElement;
    expect(task.value).toBe('');
    type(task, 'admin');
    await until(() => expect(byRole(popup, 'option').textContent).toContain('Admin'));
    press(task, 'Enter');

    await until(() => expect(background.of('startTimer')).toEqual([{ taskId: 7, note: '' }]));
    expect(background.of('updateTimer')).toEqual([]);
  });

  it("changes the whole running entry's task, from its start, when asked for that", async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);
    const popup = mount(<Popup />);
    click(await until(() => byRole(popup, 'button', 'Change this entry’s task')));
    expect(popup.textContent).toContain('The whole entry, from its start, moves to the task you pick.');

    const task = byRole(popup, 'combobox', 'Task') as HTMLInputElement;
    expect(task.value).toBe('Login redirect');
    type(task, 'admin');
    await until(() => expect(byRole(popup, 'option').textContent).toContain('Admin'));
    press(task, 'Enter');

    await until(() => expect(background.of('updateTimer')).toEqual([{ taskId: 7 }]));
    expect(background.of('startTimer')).toEqual([]);
  });

  it('puts the focus on Stop timer once the timer it started runs, and leaves it alone when it opens on a running timer', async () => {
    await signedIn();
    const popup = mount(<Popup />);
    const task = (await until(() => byRole(popup, 'combobox', 'Task'))) as HTMLInputElement;
    type(task, 'meet');
    await until(() => expect(byRole(popup, 'option').textContent).toContain('Meetings'));
    press(task, 'Enter');
    click(byRole(popup, 'button', 'Start timer'));
    await until(() => expect(background.of('startTimer')).toHaveLength(1));
    // What the background stores for the start.
    await runningTimer.setValue({ ...RUNNING, taskId: 6, taskName: 'Meetings', source: null });
    await until(() => expect(document.activeElement).toBe(byRole(popup, 'button', 'Stop timer')));
    render(null, popup);

    const again = mount(<Popup />);
    await until(() => byRole(again, 'button', 'Stop timer'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).not.toBe(byRole(again, 'button', 'Stop timer'));
  });

  it('says so when a timer started elsewhere appears while the popup is open', async () => {
    await signedIn();
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'button', 'Start timer'));

    // What the sync on opening stores for a timer started in TimeCamp's app.
    await runningTimer.setValue({ ...RUNNING, timerId: 44, source: null, startId: null });

    await until(() => expect(popup.textContent).toContain('Started in TimeCamp or another browser.'));
  });
});

describe("the popup's banners", () => {
  const stop: QueuedAction = { id: 'a', at: 0, account: ACCOUNT_KEY, type: 'stop', timer: { timerId: 1, entryId: 2 } };

  it('offline: says so and how many changes wait', async () => {
    await signedIn();
    await actionQueue.setValue({ ...EMPTY_QUEUE, actions: [stop, { ...stop, id: 'b' }], failures: 1 });
    await syncState.setValue({ lastSyncAt: null, accountOffsetMinutes: null, authProblem: false, problem: { kind: 'network', message: 'fetch failed', during: 'Stopping the timer', at: 0 } });
    const popup = mount(<Popup />);

    await until(() => expect(popup.querySelector('.banner')?.textContent).toBe('Offline. 2 changes wait to be sent.'));
  });

  it('a refused token: says so and the fix-it button shows the sign-in form', async () => {
    await signedIn();
    await syncState.setValue({ lastSyncAt: null, accountOffsetMinutes: null, authProblem: true, problem: { kind: 'auth', message: 'Unauthorized', during: 'Checking the timer', at: 0 } });
    const popup = mount(<Popup />);

    const banner = await until(() => byRole(popup, 'alert'));
    expect(banner.textContent).toContain('TimeCamp no longer accepts your API token.');
    click(byRole(popup, 'button', 'Sign in again'));
    expect(byLabel(popup, 'API token')).toBeInstanceOf(HTMLElement);
    expect(byRole(popup, 'button', 'Connect')).toBeInstanceOf(HTMLElement);
  });

  it("a server error: shows the server's message", async () => {
    await signedIn();
    await syncState.setValue({ lastSyncAt: null, accountOffsetMinutes: null, authProblem: false, problem: { kind: 'server', message: 'Database is down', during: 'Starting the timer', at: 0 } });
    const popup = mount(<Popup />);

    const banner = await until(() => byRole(popup, 'alert'));
    expect(banner.textContent).toBe('TimeCamp had a problem. Starting the timer: Database is down');
  });
});

describe('time away', () => {
  it('offers the idle choices and sends the one picked', async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);
    await idlePeriod.setValue({ since: Date.now() - 40 * 60_000, returnedAt: Date.now() });
    const popup = mount(<Popup />);

    click(await until(() => byRole(popup, 'button', 'Discard and continue')));
    expect(byRole(popup, 'button', 'Discard idle time')).toBeInstanceOf(HTMLElement);
    expect(byRole(popup, 'button', 'Keep')).toBeInstanceOf(HTMLElement);
    await until(() => expect(background.of('resolveIdle')).toEqual([{ choice: 'discard-and-continue' }]));
  });
});

describe('page text is data', () => {
  it('renders a hostile note as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await signedIn();
    await runningTimer.setValue({ ...RUNNING, note: hostile, taskName: hostile, source: null });
    await today.setValue(day([entry({ id: 1, note: hostile, taskName: hostile })]));
    const popup = mount(<Popup />);

    await until(() => expect(popup.querySelector('.entry-note')?.textContent).toBe(hostile));
    expect(byLabel(popup, 'Note').value).toBe(hostile);
    expect(popup.querySelector('img')).toBeNull();
  });
});

describe("the popup's view of the task cache", () => {
  it("ignores another account's tree", async () => {
    await account.setValue(ACCOUNT);
    await taskCache.setValue({ fetchedAt: Date.now(), accountKey: 'https://other.example/third_party/api#7', nodes: TREE });
    const popup = mount(<Popup />);
    const task = await until(() => byRole(popup, 'combobox', 'Task') as HTMLInputElement);

    type(task, 'meet');
    // Give the deferred read its chance; the list must stay on "loading", never show the other account's tasks.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queryByRole(popup, 'option')).toBeNull();
  });
});

describe("the popup's task search", () => {
  const MADE_IN_TIMECAMP = buildTaskNodes([
    { taskId: 5, parentId: null, name: 'Internal', externalTaskId: null, archived: false, color: null },
    { taskId: 50, parentId: 5, name: 'Quarterly budget review', externalTaskId: null, archived: false, color: null },
  ]);

  it('asks the background for the tree again when a search finds nothing, and finds the task made in TimeCamp since', async () => {
    await signedIn();
    background.answer('refreshTasks', () => {
      void taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: [...TREE, ...MADE_IN_TIMECAMP.slice(1)] });
      return { refreshed: true };
    });
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'combobox', 'Task'));
    const task = byRole(popup, 'combobox', 'Task') as HTMLInputElement;

    type(task, 'quarterly');
    await until(() => expect(byRole(popup, 'option').textContent).toContain('Quarterly budget review'));
    expect(background.of('refreshTasks')).toEqual([{ reason: 'no-match' }]);

    // Misses while typing on ask no more.
    type(task, 'quarterly xyz');
    type(task, 'quarterly xyzw');
    await until(() => expect(popup.textContent).toContain('No task matches.'));
    expect(background.of('refreshTasks')).toHaveLength(1);
  });

  it('offers Refresh tasks, says while it refreshes and when it is done', async () => {
    await signedIn();
    let finish: (answer: { refreshed: boolean }) => void = () => undefined;
    background.answer('refreshTasks', () => new Promise((resolve) => (finish = resolve)));
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'combobox', 'Task'));

    click(byRole(popup, 'button', 'Refresh tasks'));

    await until(() => expect(allByRole(popup, 'status').map((status) => status.textContent)).toContain('Refreshing tasks…'));
    expect((byRole(popup, 'button', 'Refresh tasks') as HTMLButtonElement).disabled).toBe(true);
    expect(background.of('refreshTasks')).toEqual([{ reason: 'asked' }]);
    finish({ refreshed: true });
    await until(() => expect(allByRole(popup, 'status').map((status) => status.textContent)).toContain('Task list refreshed.'));
    expect((byRole(popup, 'button', 'Refresh tasks') as HTMLButtonElement).disabled).toBe(false);
  });

  it("says so when the refresh the user asked for fails", async () => {
    await signedIn();
    background.answer('refreshTasks', () => {
      throw new Error('TimeCamp could not be reached.');
    });
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'combobox', 'Task'));

    click(byRole(popup, 'button', 'Refresh tasks'));

    await until(() => expect(byRole(popup, 'alert').textContent).toBe('Could not refresh the tasks. Check the connection and try again.'));
  });

  it("finds a task by what the user wrote in today's entry on it", async () => {
    await signedIn();
    await today.setValue(day([entry({ id: 1, taskId: 7, taskName: 'Admin', note: 'Call with Zoë about invoices' })]));
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'combobox', 'Task'));
    const task = byRole(popup, 'combobox', 'Task') as HTMLInputElement;

    type(task, 'zoe invoices');

    await until(() => expect(byRole(popup, 'option').textContent).toContain('Admin'));
  });

  it('finds the task of an issue key, and a task despite one typo', async () => {
    await signedIn();
    const popup = mount(<Popup />);
    await until(() => byRole(popup, 'combobox', 'Task'));
    const task = byRole(popup, 'combobox', 'Task') as HTMLInputElement;

    type(task, '#12');
    await until(() => expect(byRole(popup, 'option').textContent).toContain('Login redirect'));
    type(task, 'meetnigs');
    await until(() => expect(byRole(popup, 'option').textContent).toContain('Meetings'));
  });
});
