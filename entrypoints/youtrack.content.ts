import { extensionMessenger } from '@/lib/integrations/messenger';
import youtrack from '@/lib/integrations/sites/youtrack';
import { startIntegrations } from '@/lib/integrations/start';

// YouTrack's Start timer buttons: YouTrack Cloud here, self-hosted instances registered at runtime
// (lib/integrations/self-hosted.ts).
export default defineContentScript({
  matches: youtrack.matches,
  main(ctx) {
    ctx.onInvalidated(startIntegrations([youtrack], { messenger: extensionMessenger }));
  },
});
