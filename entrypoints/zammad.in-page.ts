import { runOnCore } from '@/lib/integrations/core';
import zammad from '@/lib/integrations/sites/zammad';

// Zammad's buttons, in the agent interface's ticket view (cloud, once switched on, or a self-hosted domain).
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(zammad) });
