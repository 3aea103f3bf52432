// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { account } from '@/lib/storage/account';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import { taskCache } from '@/lib/tasks/cache';
import { ACCOUNT, ACCOUNT_KEY, allByRole, byRole, click, mount, queryByRole, TREE, until, usePopupTestBrowser } from './harness';

const background = usePopupTestBrowser();

const timerStarted = (startedAt: number): RunningTimer => ({
  timerId: 41,
  entryId: 501,
  taskId: 3,
  taskName: 'Login redirect',
  taskPath: 'Acme › Website › Login redirect',
  externalTaskId: null,
  note: '',
  billable: false,
  startedAt,
  source: null,
  startedHere: true,
  startId: null,
});

async function popupWith(timer: RunningTimer) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await runningTimer.setValue(timer);
  const popup = mount(<Popup />);
  await until(() => byRole(popup, 'timer'));
  return popup;
}

/** The status line about the stopped timer (the start form has its own). */
const notice = (popup: HTMLElement) => allByRole(popup, 'status').find((element) => /Stopped after|Discarded/.test(element.textContent ?? '')) ?? null;

/** Stop pressed in the popup; the background then says no timer runs. */
async function stopIt(popup: HTMLElement) {
  click(byRole(popup, 'button', 'Stop timer'));
  await until(() => expect(background.of('stopTimer')).toHaveLength(1));
  await runningTimer.setValue(null);
  await until(() => byRole(popup, 'button', 'Start timer'));
}

describe('a timer stopped right after it started', () => {
  it('offers to discard the entry it left, and deletes it on Discard', async () => {
    // Started this instant: Stop comes within its first seconds.
    const popup = await popupWith(timerStarted(Date.now()));

    await stopIt(popup);

    expect(notice(popup)!.textContent).toMatch(/^Stopped after \d s\. Started by mistake\?/);
    click(byRole(notice(popup)!, 'button', 'Discard'));
    await until(() => expect(background.of('deleteEntry')).toEqual([{ entryId: 501 }]));
    await until(() => expect(notice(popup)!.textContent).toContain('Discarded: no entry was kept.'));
  });

  it('discards one whose start TimeCamp has not confirmed from the queue', async () => {
    const popup = await popupWith({ ...timerStarted(Date.now()), timerId: null, entryId: null, startId: 'start-9' });

    await stopIt(popup);
    click(byRole(notice(popup)!, 'button', 'Discard'));

    await until(() => expect(background.of('deleteWaitingEntry')).toEqual([{ actionId: 'start-9' }]));
  });

  it('keeps it on Keep, and the notice goes', async () => {
    const popup = await popupWith(timerStarted(Date.now()));
    await stopIt(popup);

    click(byRole(notice(popup)!, 'button', 'Keep'));

    expect(notice(popup)).toBeNull();
    expect(background.of('deleteEntry')).toEqual([]);
  });

  it('stops a timer that ran longer without a word', async () => {
    const popup = await popupWith(timerStarted(Date.now() - 65_000));

    await stopIt(popup);

    expect(queryByRole(popup, 'button', 'Discard')).toBeNull();
  });
});
