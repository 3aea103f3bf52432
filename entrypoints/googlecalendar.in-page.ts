import { runOnCore } from '@/lib/integrations/core';
import googlecalendar from '@/lib/integrations/sites/googlecalendar';

// Google Calendar's buttons, in an event's details popup, once the user switches it on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(googlecalendar) });
