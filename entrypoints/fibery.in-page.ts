import { runOnCore } from '@/lib/integrations/core';
import fibery from '@/lib/integrations/sites/fibery';

// Fibery's buttons, in an entity's view, once the user switches Fibery on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(fibery) });
