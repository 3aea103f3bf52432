import { runOnCore } from '@/lib/integrations/core';
import youtrack from '@/lib/integrations/sites/youtrack';

// YouTrack's buttons: YouTrack Cloud and the self-hosted instances the user adds.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(youtrack) });
