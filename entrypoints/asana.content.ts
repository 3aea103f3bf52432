import { extensionMessenger } from '@/lib/integrations/messenger';
import asana from '@/lib/integrations/sites/asana';
import { startIntegrations } from '@/lib/integrations/start';

// Asana's Start timer buttons, in task panes.
export default defineContentScript({
  matches: asana.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([asana], { messenger: extensionMessenger }));
  },
});
