import { runOnCore } from '@/lib/integrations/core';
import monday from '@/lib/integrations/sites/monday';

// monday.com's buttons, in a board's item panel, once the user switches monday.com on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(monday) });
