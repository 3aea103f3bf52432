import { runOnCore } from '@/lib/integrations/core';
import todoist from '@/lib/integrations/sites/todoist';

// Todoist's buttons, in the task dialog and list rows, once the user switches Todoist on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(todoist) });
