import { runOnCore } from '@/lib/integrations/core';
import zendesk from '@/lib/integrations/sites/zendesk';

// Zendesk's buttons, in the agent workspace's ticket view, once the user switches Zendesk on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(zendesk) });
