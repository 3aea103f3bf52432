import { extensionMessenger } from '@/lib/integrations/messenger';
import gitea from '@/lib/integrations/sites/gitea';
import { startIntegrations } from '@/lib/integrations/start';

// Gitea's and Forgejo's Start timer buttons: codeberg.org and gitea.com here, other instances
// registered at runtime (lib/integrations/self-hosted.ts).
export default defineContentScript({
  matches: gitea.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([gitea], { messenger: extensionMessenger }));
  },
});
