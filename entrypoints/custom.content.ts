import { startCustomIntegrations } from '@/lib/integrations/custom/start';
import { extensionMessenger } from '@/lib/integrations/messenger';

// The user's custom integrations (CSS selectors from the options page, stored as data). Never in
// the manifest: the background registers `content-scripts/custom.js` for each of their domains.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    ctx.onInvalidated(startCustomIntegrations({ messenger: extensionMessenger }));
  },
});
