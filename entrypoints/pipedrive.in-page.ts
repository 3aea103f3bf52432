import { runOnCore } from '@/lib/integrations/core';
import pipedrive from '@/lib/integrations/sites/pipedrive';

// Pipedrive's buttons, on deal and person pages, once the user switches Pipedrive on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(pipedrive) });
