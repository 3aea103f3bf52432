// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { account } from '@/lib/storage/account';
import { actionQueue, EMPTY_QUEUE, type QueuedAction } from '@/lib/storage/queue';
import { settings, DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { syncState } from '@/lib/storage/sync';
import { taskCache } from '@/lib/tasks/cache';
import { ACCOUNT, ACCOUNT_KEY, allByRole, byRole, click, mount, queryByRole, TODAY, TREE, until, usePopupTestBrowser } from './harness';

const background = usePopupTestBrowser();

/** Today at `hours`:`minutes` on the user's clock. */
const todayAt = (hours: number, minutes: number) => new Date(new Date().setHours(hours, minutes, 0, 0)).getTime();

const FORBIDDEN = { kind: 'forbidden' as const, message: 'You cannot track time to this task', heldAt: todayAt(14, 6) };

const heldStart: QueuedAction = { id: 'start-1', at: todayAt(14, 5), account: ACCOUNT_KEY, type: 'start', taskId: 6, attention: FORBIDDEN };
// The stop that waits behind the refused start: it is not the user's to decide on, so it is not listed.
const waitingStop: QueuedAction = { id: 'stop-1', at: todayAt(14, 30), account: ACCOUNT_KEY, type: 'stop', timer: { startId: 'start-1' } };
const heldAdd: QueuedAction = {
  id: 'add-1',
  // Made on another day: the list says which.
  at: new Date(2020, 0, 15, 16, 40).getTime(),
  account: ACCOUNT_KEY,
  type: 'add-entry',
  entry: { date: TODAY, startTime: '09:00:00', endTime: '10:30:00', durationSeconds: 5400, taskId: 7, note: 'Invoices' },
  attention: { kind: 'bad-request', message: 'The entry overlaps another one', heldAt: 0 },
};

async function withQueue(actions: QueuedAction[]) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await actionQueue.setValue({ ...EMPTY_QUEUE, actions });
  const popup = mount(<Popup />);
  // The timer section renders once storage has answered: from then on, the list is there or it is not.
  await until(() => byRole(popup, 'button', 'Start timer'));
  return popup;
}

const items = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>(':scope > li')];

describe('changes that need attention', () => {
  it('lists each held change: what it was, when, TimeCamp\'s reason, Retry and Discard', async () => {
    const popup = await withQueue([heldStart, waitingStop, heldAdd]);

    const list = await until(() => byRole(popup, 'list', 'Needs attention'));
    // Task names come from the task tree, read after the first paint.
    await until(() => expect(items(list)[0]!.querySelector('.held-what')?.textContent).toBe('Start timer on Meetings'));
    expect(items(list)).toHaveLength(2);
    const [start, add] = items(list) as [HTMLElement, HTMLElement];

    expect(start.querySelector('time')?.textContent).toBe('14:05');
    expect(start.textContent).toContain('You cannot track time to this task');
    expect(add.querySelector('.held-what')?.textContent).toBe('Add entry 09:00–10:30 Admin');
    expect(add.querySelector('time')?.textContent).toBe('Jan 15, 16:40');
    expect(add.textContent).toContain('The entry overlaps another one');

    // Two changes: each button says which one it acts on, behind the same short visible text.
    const retry = byRole(start, 'button', 'Retry: Start timer on Meetings');
    expect(retry.textContent).toBe('Retry');
    expect(byRole(start, 'button', 'Discard: Start timer on Meetings').textContent).toBe('Discard');
    expect(byRole(add, 'button', 'Retry: Add entry 09:00–10:30 Admin').textContent).toBe('Retry');
    expect(byRole(add, 'button', 'Discard: Add entry 09:00–10:30 Admin').textContent).toBe('Discard');
  });

  it('shows times in the 12-hour format when the user chose it', async () => {
    await settings.setValue({ ...DEFAULT_SETTINGS, timeFormat: '12h' });
    const popup = await withQueue([heldAdd]);

    const list = await until(() => byRole(popup, 'list', 'Needs attention'));
    await until(() => expect(list.querySelector('.held-what')?.textContent).toBe('Add entry 9:00 AM–10:30 AM Admin'));
    expect(list.querySelector('time')?.textContent).toBe('Jan 15, 4:40 PM');
    // One change: the buttons need no more than their text.
    expect(byRole(list, 'button', 'Retry')).toBeInstanceOf(HTMLElement);
  });

  it('Retry sends the change again, by its id, with both buttons disabled until the background answers', async () => {
    let answer: () => void = () => undefined;
    background.answer('retryAction', () => new Promise<void>((resolve) => (answer = resolve)));
    const popup = await withQueue([heldStart]);
    const retry = await until(() => byRole(popup, 'button', 'Retry'));

    click(retry);

    await until(() => expect(background.of('retryAction')).toEqual([{ id: 'start-1' }]));
    expect(retry.hasAttribute('disabled')).toBe(true);
    expect(byRole(popup, 'button', 'Discard').hasAttribute('disabled')).toBe(true);
    answer();
    await until(() => expect(retry.hasAttribute('disabled')).toBe(false));
    expect(background.of('discardAction')).toEqual([]);
  });

  it('Discard gives the change up, by its id, and the list follows the queue the background keeps', async () => {
    const popup = await withQueue([heldStart, waitingStop]);

    click(await until(() => byRole(popup, 'button', 'Discard')));

    await until(() => expect(background.of('discardAction')).toEqual([{ id: 'start-1' }]));
    expect(background.of('retryAction')).toEqual([]);
    // The background drops the start and the stop that depended on it.
    await actionQueue.setValue(EMPTY_QUEUE);
    await until(() => expect(queryByRole(popup, 'list', 'Needs attention')).toBeNull());
    expect(popup.textContent).not.toContain('You cannot track time to this task');
  });

  it('says so in the item when the background refuses the message', async () => {
    background.answer('discardAction', () => {
      throw new Error('That change was already sent.');
    });
    const popup = await withQueue([heldStart, heldAdd]);
    const list = await until(() => byRole(popup, 'list', 'Needs attention'));

    click(await until(() => byRole(list, 'button', 'Discard: Add entry 09:00–10:30 Admin')));

    const [start, add] = items(list) as [HTMLElement, HTMLElement];
    await until(() => expect(byRole(add, 'alert').textContent).toBe('That change was already sent.'));
    expect(queryByRole(start, 'alert')).toBeNull();
    expect(byRole(add, 'button', 'Retry: Add entry 09:00–10:30 Admin').hasAttribute('disabled')).toBe(false);
  });

  it("shows nothing for another account's held changes", async () => {
    const otherAccount = 'https://other.example/third_party/api#7';
    const popup = await withQueue([{ ...heldStart, account: otherAccount }, { ...heldAdd, account: otherAccount }]);

    expect(queryByRole(popup, 'list', 'Needs attention')).toBeNull();
    expect(popup.textContent).not.toContain('You cannot track time to this task');
    expect(allByRole(popup, 'button', 'Retry')).toEqual([]);
  });
});

describe('the banners beside the list', () => {
  it('do not repeat a refusal the list already shows, and count only changes still to be sent', async () => {
    await syncState.setValue({
      lastSyncAt: null,
      accountOffsetMinutes: null,
      authProblem: false,
      problem: { kind: 'forbidden', message: FORBIDDEN.message, during: 'Starting the timer', at: 0 },
    });
    const popup = await withQueue([heldStart, waitingStop]);

    await until(() => byRole(popup, 'list', 'Needs attention'));
    expect(popup.textContent).not.toContain('TimeCamp refused a change.');
    expect(popup.querySelector('.banner')).toBeNull();

    await syncState.setValue({ lastSyncAt: null, accountOffsetMinutes: null, authProblem: false, problem: { kind: 'network', message: 'fetch failed', during: 'Stopping the timer', at: 0 } });
    await until(() => expect(popup.querySelector('.banner')?.textContent).toBe('Offline. 1 change waits to be sent.'));
  });

  it('still report trouble of their own, such as a server error, above the list', async () => {
    await syncState.setValue({
      lastSyncAt: null,
      accountOffsetMinutes: null,
      authProblem: false,
      problem: { kind: 'server', message: 'Database is down', during: 'Checking the timer', at: 0 },
    });
    const popup = await withQueue([heldStart]);

    await until(() => byRole(popup, 'list', 'Needs attention'));
    expect(byRole(popup, 'alert').textContent).toBe('TimeCamp had a problem. Checking the timer: Database is down');
  });
});
