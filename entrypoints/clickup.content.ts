import { extensionMessenger } from '@/lib/integrations/messenger';
import clickup from '@/lib/integrations/sites/clickup';
import { startIntegrations } from '@/lib/integrations/start';

// ClickUp's Start timer buttons, in task views and list rows. Nothing goes into the
// manifest (the extension asks for no access to the app when installed): switching the tracker on
// asks for its hosts (`about.optionalHosts`), and the background then registers
// `content-scripts/clickup.js` there.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    ctx.onInvalidated(startIntegrations([clickup], { messenger: extensionMessenger }));
  },
});
