import { runOnCore } from '@/lib/integrations/core';
import gitea from '@/lib/integrations/sites/gitea';

// Gitea's and Forgejo's buttons: codeberg.org, gitea.com and the instances the user adds.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(gitea) });
