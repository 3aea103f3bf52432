import { runOnCore } from '@/lib/integrations/core';
import bitbucket from '@/lib/integrations/sites/bitbucket';

// Bitbucket Cloud's buttons, on pull requests and issues.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(bitbucket) });
