import { runOnCore } from '@/lib/integrations/core';
import ticktick from '@/lib/integrations/sites/ticktick';

// TickTick's button in the task detail pane, once the user switches TickTick on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(ticktick) });
