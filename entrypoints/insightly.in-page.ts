import { runOnCore } from '@/lib/integrations/core';
import insightly from '@/lib/integrations/sites/insightly';

// Insightly's buttons, on task, project, opportunity, lead, contact and organisation pages, once the user switches Insightly on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(insightly) });
