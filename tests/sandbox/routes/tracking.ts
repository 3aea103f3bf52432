// Rules shared by everything that puts time on a task: timers and manual entries.
import { forbidden, notFound } from '../errors.ts';
import { canTrack } from '../permissions.ts';
import type { Entry, SandboxState, SandboxUser, Task } from '../state.ts';

/** The task time may go to, or null for time without a task; refuses what TimeCamp refuses. */
export function taskToTrack(state: SandboxState, user: SandboxUser, taskId: number | undefined): Task | null {
  if (user.guest) throw forbidden('Sorry, you don’t have permissions to track time as a guest');
  if (!taskId) return null;
  const task = state.tasks.get(taskId);
  if (!task) throw notFound('No task with such ID');
  if (task.archived) throw forbidden('Tracking time for archived tasks is not available. Please select another task.');
  if (!canTrack(state, user, task)) throw forbidden('You cannot track time to this task');
  return task;
}

export function lockedEntryMessage(entry: Entry): string | null {
  if (entry.invoiceId !== 0) return "You can't edit time entry, because it is invoiced.";
  if (entry.locked) return "You can't edit time entry, because it is in approved or pending timesheet approval.";
  return null;
}
