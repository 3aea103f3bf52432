import { provideCore } from '@/lib/integrations/core';
import { extensionMessenger } from '@/lib/integrations/messenger';
import { startIntegrations } from '@/lib/integrations/start';

// The framework every tracker page loads first (lib/integrations/core.ts): built once as
// `content-scripts/core.js` (modules/in-page-scripts.ts), listed before each tracker's script.
export default defineUnlistedScript({
  globalName: false,
  main: () => provideCore((integration) => startIntegrations([integration], { messenger: extensionMessenger })),
});
