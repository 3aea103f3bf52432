import { runOnCore } from '@/lib/integrations/core';
import azure from '@/lib/integrations/sites/azure';

// Azure DevOps Boards' buttons; Azure DevOps Server hosts the user adds get them too.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(azure) });
