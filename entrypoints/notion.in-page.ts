import { runOnCore } from '@/lib/integrations/core';
import notion from '@/lib/integrations/sites/notion';

// Notion's buttons, on pages, rows opened in a peek and table rows, once the user switches Notion on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(notion) });
