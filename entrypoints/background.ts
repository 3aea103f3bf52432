import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { createTaskService } from '@/lib/tasks/service';
import { registerTimerEvents } from '@/lib/timer/background-events';
import { createTimerService } from '@/lib/timer/service';

// The service worker owns the timer and every TimeCamp call. Listeners are
// registered synchronously at the top level so a worker woken by an event
// (MV3 kills it whenever it is idle) hears that event.
export default defineBackground(() => {
  const tasks = createTaskService();
  const timer = createTimerService({ lookupTask: tasks.lookupTask });
  registerBackgroundHandlers({ timer, tasks });
  registerTimerEvents(timer);
});
