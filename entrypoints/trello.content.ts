import { extensionMessenger } from '@/lib/integrations/messenger';
import trello from '@/lib/integrations/sites/trello';
import { startIntegrations } from '@/lib/integrations/start';

// Trello's Start timer buttons, on card backs.
export default defineContentScript({
  matches: trello.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([trello], { messenger: extensionMessenger }));
  },
});
