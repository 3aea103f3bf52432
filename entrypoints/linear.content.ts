import { extensionMessenger } from '@/lib/integrations/messenger';
import linear from '@/lib/integrations/sites/linear';
import { startIntegrations } from '@/lib/integrations/start';

// Linear's Start timer buttons, in issue views.
export default defineContentScript({
  matches: linear.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([linear], { messenger: extensionMessenger }));
  },
});
