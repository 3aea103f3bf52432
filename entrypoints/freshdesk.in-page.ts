import { runOnCore } from '@/lib/integrations/core';
import freshdesk from '@/lib/integrations/sites/freshdesk';

// Freshdesk's buttons, in a ticket's action bar, once the user switches Freshdesk on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(freshdesk) });
