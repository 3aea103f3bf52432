import { runOnCore } from '@/lib/integrations/core';
import github from '@/lib/integrations/sites/github';

// GitHub's buttons, also on the GitHub Enterprise hosts the user adds.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(github) });
