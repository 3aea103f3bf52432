import { runOnCore } from '@/lib/integrations/core';
import salesforce from '@/lib/integrations/sites/salesforce';

// Salesforce's buttons, on Lightning record pages and list view rows, once the user switches Salesforce on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(salesforce) });
