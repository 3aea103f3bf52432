import { browser } from 'wxt/browser';
import { acceptPickerFrames, redeemPickerSession } from '@/lib/integrations/picker-sessions';
import { forgetTab } from '@/lib/storage/page-reports';
import type { TaskService } from '@/lib/tasks/service';
import type { TimerService } from '@/lib/timer/service';
import { handleLoadDay } from './day-handlers';
import { handlePing, handleReportPage, handleSignIn, signOutHandler } from './handlers';
import { onMessage } from './protocol';
import { taskHandlers } from './task-handlers';
import { timerHandlers } from './timer-handlers';

export interface BackgroundServices {
  timer: TimerService;
  tasks: TaskService;
}

/**
 * Wires every message the background answers. Called synchronously from the
 * background's top level: a worker woken by a message only hears it if the
 * listener exists before the first await. Returns a function that removes
 * them all, for tests that register more than once.
 */
export function registerBackgroundHandlers(services: BackgroundServices): () => void {
  // A closed tab's page reports describe nothing any more.
  const onTabRemoved = (tabId: number) => void forgetTab(tabId);
  browser.tabs.onRemoved.addListener(onTabRemoved);
  // Picker frames loaded before a press wait on a line for its session.
  const stopTakingFrames = acceptPickerFrames();

  const timer = timerHandlers(services.timer, {
    onStarted: (taskId, request) => services.tasks.chosen(taskId, request),
    onStopped: (stopped) => {
      // The issue's button shows the time tracked on it: fetch it once TimeCamp has the stop.
      const externalId = stopped.source?.externalId ?? stopped.externalTaskId;
      if (externalId && stopped.taskId !== null) {
        void services.timer.queue.settled().then(() => services.tasks.refreshIssueTime(externalId, stopped.taskId!));
      }
    },
  });
  const tasks = taskHandlers(services.tasks, services.timer);
  const removers = [
    onMessage('ping', handlePing),
    onMessage('reportPage', handleReportPage),
    onMessage('signIn', handleSignIn),
    onMessage('signOut', signOutHandler(services.timer.queue)),
    onMessage('startTimer', timer.startTimer),
    onMessage('stopTimer', timer.stopTimer),
    onMessage('discardTimer', timer.discardTimer),
    onMessage('updateTimer', timer.updateTimer),
    onMessage('moveTimerStart', timer.moveTimerStart),
    onMessage('addEntry', timer.addEntry),
    onMessage('addEventEntry', timer.addEventEntry),
    onMessage('editEntry', timer.editEntry),
    onMessage('deleteEntry', timer.deleteEntry),
    onMessage('editWaitingEntry', timer.editWaitingEntry),
    onMessage('deleteWaitingEntry', timer.deleteWaitingEntry),
    onMessage('retryAction', timer.retryAction),
    onMessage('discardAction', timer.discardAction),
    onMessage('syncNow', async (message) => {
      await timer.syncNow(message);
      // A view is open: the task tree it will search should be fresh too (at most every few minutes).
      void services.tasks.tree().catch(() => undefined);
    }),
    onMessage('loadDay', handleLoadDay),
    onMessage('startFromIssue', tasks.startFromIssue),
    onMessage('searchTasks', tasks.searchTasks),
    onMessage('refreshTasks', tasks.refreshTasks),
    onMessage('pickerSession', (message) => redeemPickerSession(message)),
  ];
  return () => {
    removers.forEach((remove) => remove());
    browser.tabs.onRemoved.removeListener(onTabRemoved);
    stopTakingFrames();
  };
}

