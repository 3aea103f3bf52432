import { registerActivity } from '@/lib/activity/background';
import { registerSelfHostedScripts } from '@/lib/integrations/self-hosted';
import { openFirstRunOnInstall } from '@/lib/options/first-run';
import { moveToTrustedStorage } from '@/lib/storage/move-to-trusted';
import { publishPageState } from '@/lib/storage/publish-page-state';
import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';
import { createTaskService } from '@/lib/tasks/service';
import { registerTimerEvents } from '@/lib/timer/background-events';
import { registerDesktopEvents } from '@/lib/timer/desktop-events';
import { createTimerService } from '@/lib/timer/service';

// The service worker owns the timer and every TimeCamp call. Listeners are
// registered synchronously at the top level so a worker woken by an event
// (MV3 kills it whenever it is idle) hears that event. In Firefox (MV2) it is an
// event page with the same life: unloaded when idle, woken by the same events.
export default defineBackground({
  persistent: false,
  main() {
    // An earlier version's data moves out of the pages' reach before anything reads it.
    void moveToTrustedStorage();
    const tasks = createTaskService();
    const timer = createTimerService({ lookupTask: tasks.lookupTask });
    registerBackgroundHandlers({ timer, tasks });
    // The task tree is revalidated in the background at most every half hour (and fetched at sign-in); a view opening asks sooner.
    registerTimerEvents(timer, { afterSync: () => tasks.tree(30 * 60_000) });
    registerDesktopEvents(timer, tasks);
    // Browser activity, off until the user switches it on: which site is in front, sent as computer activity.
    registerActivity();
    // Content scripts on the user's self-hosted and custom domains and the trackers switched on, in step with their choices.
    registerSelfHostedScripts();
    // On install: how to sign in, and which trackers to switch on.
    openFirstRunOnInstall();
    // What tracker pages may know, and nothing else, kept in step for their buttons.
    publishPageState();
  },
});
