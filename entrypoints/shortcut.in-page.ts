import { runOnCore } from '@/lib/integrations/core';
import shortcut from '@/lib/integrations/sites/shortcut';

// Shortcut's button in a story (dialog or page), once the user switches Shortcut on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(shortcut) });
