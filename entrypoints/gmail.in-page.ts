import { runOnCore } from '@/lib/integrations/core';
import gmail from '@/lib/integrations/sites/gmail';

// Gmail's button, in the header of an open thread, once the user switches Gmail on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(gmail) });
