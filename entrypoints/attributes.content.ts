import { extensionMessenger } from '@/lib/integrations/messenger';
import attributes from '@/lib/integrations/sites/attributes';
import { startIntegrations } from '@/lib/integrations/start';

// Buttons for any web app that marks its pages up with `data-timecamp-*` attributes
// (lib/integrations/README.md). Never in the manifest: the background registers
// `content-scripts/attributes.js` for each domain the user turned the contract on for.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    ctx.onInvalidated(startIntegrations([attributes], { messenger: extensionMessenger }));
  },
});
