import { runOnCore } from '@/lib/integrations/core';
import airtable from '@/lib/integrations/sites/airtable';

// Airtable's buttons, in expanded records (tables and interfaces), once the user switches Airtable on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(airtable) });
