import { runOnCore } from '@/lib/integrations/core';
import teamwork from '@/lib/integrations/sites/teamwork';

// Teamwork.com's buttons, in task details and on list and table rows, once the user switches Teamwork.com on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(teamwork) });
