import { extensionMessenger } from '@/lib/integrations/messenger';
import github from '@/lib/integrations/sites/github';
import { startIntegrations } from '@/lib/integrations/start';

// GitHub's Start timer buttons. The same file runs on GitHub Enterprise hosts the user adds
// (registered at runtime). Each visited page is reported to the background with what was found.
export default defineContentScript({
  matches: github.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([github], { messenger: extensionMessenger }));
  },
});
