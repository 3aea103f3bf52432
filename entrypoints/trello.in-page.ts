import { runOnCore } from '@/lib/integrations/core';
import trello from '@/lib/integrations/sites/trello';

// Trello's buttons, on card backs.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(trello) });
