import { runOnCore } from '@/lib/integrations/core';
import linear from '@/lib/integrations/sites/linear';

// Linear's buttons, in issue views.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(linear) });
