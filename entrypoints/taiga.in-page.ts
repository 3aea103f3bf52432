import { runOnCore } from '@/lib/integrations/core';
import taiga from '@/lib/integrations/sites/taiga';

// Taiga's buttons, on user story, task, issue and epic pages, board cards and list rows, once the user switches Taiga on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(taiga) });
