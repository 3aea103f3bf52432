import { runOnCore } from '@/lib/integrations/core';
import intercom from '@/lib/integrations/sites/intercom';

// Intercom's buttons, in an inbox conversation's toolbar, once the user switches Intercom on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(intercom) });
