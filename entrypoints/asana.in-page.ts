import { runOnCore } from '@/lib/integrations/core';
import asana from '@/lib/integrations/sites/asana';

// Asana's Start timer buttons, in task panes.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(asana) });
