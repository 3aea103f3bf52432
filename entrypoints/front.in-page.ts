import { runOnCore } from '@/lib/integrations/core';
import front from '@/lib/integrations/sites/front';

// Front's buttons, in the top bar of an open conversation, once the user switches Front on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(front) });
