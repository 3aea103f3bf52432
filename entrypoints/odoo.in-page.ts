import { runOnCore } from '@/lib/integrations/core';
import odoo from '@/lib/integrations/sites/odoo';

// Odoo's buttons, in the form view of Project tasks and Helpdesk tickets, once the user switches Odoo on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(odoo) });
