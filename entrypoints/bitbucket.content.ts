import { extensionMessenger } from '@/lib/integrations/messenger';
import bitbucket from '@/lib/integrations/sites/bitbucket';
import { startIntegrations } from '@/lib/integrations/start';

// Bitbucket Cloud's Start timer buttons, on pull requests and issues.
export default defineContentScript({
  matches: bitbucket.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([bitbucket], { messenger: extensionMessenger }));
  },
});
