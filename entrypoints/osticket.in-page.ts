import { runOnCore } from '@/lib/integrations/core';
import osticket from '@/lib/integrations/sites/osticket';

// osTicket's buttons, in the staff panel's ticket view, on the domains the user added.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(osticket) });
