import { runOnCore } from '@/lib/integrations/core';
import attributes from '@/lib/integrations/sites/attributes';

// Buttons for any app marked up with `data-timecamp-*` attributes, on the domains the user names.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(attributes) });
