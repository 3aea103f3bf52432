import { extensionMessenger } from '@/lib/integrations/messenger';
import azure from '@/lib/integrations/sites/azure';
import { startIntegrations } from '@/lib/integrations/start';

// Azure DevOps Boards' Start timer buttons: dev.azure.com and *.visualstudio.com here, Azure DevOps
// Server hosts registered at runtime (lib/integrations/self-hosted.ts).
export default defineContentScript({
  matches: azure.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([azure], { messenger: extensionMessenger }));
  },
});
