import { runOnCore } from '@/lib/integrations/core';
import wrike from '@/lib/integrations/sites/wrike';

// Wrike's buttons, in the task view (full page, side panel or overlay), once the user switches Wrike on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(wrike) });
