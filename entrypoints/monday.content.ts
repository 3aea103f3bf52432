import { extensionMessenger } from '@/lib/integrations/messenger';
import monday from '@/lib/integrations/sites/monday';
import { startIntegrations } from '@/lib/integrations/start';

// monday.com's Start timer buttons, in the item panel of a board. Nothing goes into the
// manifest (the extension asks for no access to the app when installed): switching the tracker on
// asks for its hosts (`about.optionalHosts`), and the background then registers
// `content-scripts/monday.js` there.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    ctx.onInvalidated(startIntegrations([monday], { messenger: extensionMessenger }));
  },
});
