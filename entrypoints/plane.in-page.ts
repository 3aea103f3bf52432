import { runOnCore } from '@/lib/integrations/core';
import plane from '@/lib/integrations/sites/plane';

// Plane's buttons, on work item pages and in the peek overview, once the user switches Plane on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(plane) });
