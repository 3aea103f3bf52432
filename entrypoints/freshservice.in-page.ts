import { runOnCore } from '@/lib/integrations/core';
import freshservice from '@/lib/integrations/sites/freshservice';

// Freshservice's buttons, on a ticket's page (the agent app and the older helpdesk pages), once the user switches Freshservice on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(freshservice) });
