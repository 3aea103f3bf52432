import { registerBackgroundHandlers } from '@/lib/messaging/background-handlers';

// The service worker owns the timer and every TimeCamp call. Listeners are
// registered synchronously at the top level so a worker woken by an event
// (MV3 kills it whenever it is idle) hears that event.
export default defineBackground(() => {
  registerBackgroundHandlers();
});
