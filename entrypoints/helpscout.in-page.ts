import { runOnCore } from '@/lib/integrations/core';
import helpscout from '@/lib/integrations/sites/helpscout';

// Help Scout's buttons, in a conversation's header, once the user switches Help Scout on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(helpscout) });
