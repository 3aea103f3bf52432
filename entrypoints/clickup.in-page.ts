import { runOnCore } from '@/lib/integrations/core';
import clickup from '@/lib/integrations/sites/clickup';

// ClickUp's buttons, in task views and list rows, once the user switches ClickUp on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(clickup) });
