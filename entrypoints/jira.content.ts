import { extensionMessenger } from '@/lib/integrations/messenger';
import jira from '@/lib/integrations/sites/jira';
import { startIntegrations } from '@/lib/integrations/start';

// Jira's Start timer buttons: Jira Cloud here, Data Center hosts registered at runtime.
export default defineContentScript({
  matches: jira.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([jira], { messenger: extensionMessenger }));
  },
});
