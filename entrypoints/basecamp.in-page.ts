import { runOnCore } from '@/lib/integrations/core';
import basecamp from '@/lib/integrations/sites/basecamp';

// Basecamp's buttons, on a to-do's page and on to-do list rows, once the user switches Basecamp on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(basecamp) });
