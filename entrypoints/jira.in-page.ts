import { runOnCore } from '@/lib/integrations/core';
import jira from '@/lib/integrations/sites/jira';

// Jira's buttons: Jira Cloud and the Data Center hosts the user adds.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(jira) });
