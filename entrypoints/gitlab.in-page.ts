import { runOnCore } from '@/lib/integrations/core';
import gitlab from '@/lib/integrations/sites/gitlab';

// GitLab's buttons: gitlab.com and the self-managed hosts the user adds.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(gitlab) });
