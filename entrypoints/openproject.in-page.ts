import { runOnCore } from '@/lib/integrations/core';
import openproject from '@/lib/integrations/sites/openproject';

// OpenProject's buttons, in the full view and the split view of work packages, once the user switches OpenProject on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(openproject) });
