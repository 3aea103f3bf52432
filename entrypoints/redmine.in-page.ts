import { runOnCore } from '@/lib/integrations/core';
import redmine from '@/lib/integrations/sites/redmine';

// Redmine's buttons, on the self-hosted domains the user adds.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(redmine) });
