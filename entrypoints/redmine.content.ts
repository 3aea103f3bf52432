import { extensionMessenger } from '@/lib/integrations/messenger';
import redmine from '@/lib/integrations/sites/redmine';
import { startIntegrations } from '@/lib/integrations/start';

// Redmine is only self-hosted: nothing goes into the manifest. The background registers
// `content-scripts/redmine.js` with `scripting.registerContentScripts` for each domain the user
// adds (and was granted) in the options page.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    ctx.onInvalidated(startIntegrations([redmine], { messenger: extensionMessenger }));
  },
});
