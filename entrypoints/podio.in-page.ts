import { runOnCore } from '@/lib/integrations/core';
import podio from '@/lib/integrations/sites/podio';

// Podio's button on an item's page, once the user switches Podio on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(podio) });
