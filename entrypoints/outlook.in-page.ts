import { runOnCore } from '@/lib/integrations/core';
import outlook from '@/lib/integrations/sites/outlook';

// Outlook's button, by the subject of the conversation open in Outlook on the web, once the user switches Outlook on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(outlook) });
