import { extensionMessenger } from '@/lib/integrations/messenger';
import todoist from '@/lib/integrations/sites/todoist';
import { startIntegrations } from '@/lib/integrations/start';

// Todoist's Start timer buttons, in the task dialog and on list rows. Nothing goes into the
// manifest (the extension asks for no access to the app when installed): switching the tracker on
// asks for its hosts (`about.optionalHosts`), and the background then registers
// `content-scripts/todoist.js` there.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    ctx.onInvalidated(startIntegrations([todoist], { messenger: extensionMessenger }));
  },
});
