import { runOnCore } from '@/lib/integrations/core';
import hubspot from '@/lib/integrations/sites/hubspot';

// HubSpot's buttons, on contact, company, deal and ticket records, once the user switches HubSpot on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(hubspot) });
