import { runOnCore } from '@/lib/integrations/core';
import googlekeep from '@/lib/integrations/sites/googlekeep';

// Google Keep's button, in the toolbar of an open note, once the user switches Google Keep on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(googlekeep) });
