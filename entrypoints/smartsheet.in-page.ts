import { runOnCore } from '@/lib/integrations/core';
import smartsheet from '@/lib/integrations/sites/smartsheet';

// Smartsheet's button in a sheet's header, once the user switches Smartsheet on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(smartsheet) });
