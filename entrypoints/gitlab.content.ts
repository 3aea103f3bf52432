import { extensionMessenger } from '@/lib/integrations/messenger';
import gitlab from '@/lib/integrations/sites/gitlab';
import { startIntegrations } from '@/lib/integrations/start';

// GitLab's Start timer buttons: gitlab.com here, self-managed hosts registered at runtime.
export default defineContentScript({
  matches: gitlab.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([gitlab], { messenger: extensionMessenger }));
  },
});
