import { runOnCore } from '@/lib/integrations/core';
import googledocs from '@/lib/integrations/sites/googledocs';

// Google Docs' buttons, in the menu bar of an open document, spreadsheet or presentation, once the user switches Google Docs on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(googledocs) });
