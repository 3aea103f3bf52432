import { startCustomIntegrations } from '@/lib/integrations/custom/start';
import { tryCustomIntegration } from '@/lib/integrations/custom/try-on-page';
import { extensionMessenger } from '@/lib/integrations/messenger';
import { onMessage } from '@/lib/messaging/protocol';

// Set while a copy of this script runs, on the global of the extension's isolated world: the page
// cannot see or set it, and a second copy of the file (a new module) still finds it.
const RUNNING = Symbol.for('timecamp.custom-integrations.running');

// The user's custom integrations (CSS selectors from the options page, stored as data). Never in
// the manifest: the background registers `content-scripts/custom.js` for each of their domains,
// and the options page's "Test on current tab" injects it into a tab that has no copy yet.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const world = globalThis as { [RUNNING]?: true };
    // A copy that runs already places the saved integrations' buttons and answers tests; a second
    // would place every button twice. (WXT's context stops an older copy when a newer one starts,
    // and that copy's cleanup below clears the flag, so only a copy still running is left alone.)
    if (world[RUNNING]) return;
    const stopButtons = startCustomIntegrations({ messenger: extensionMessenger });
    // The options page's form, saved or not: data only (a pattern and selectors, checked again
    // before use), tried without placing anything.
    const stopAnswering = onMessage('testCustomIntegration', ({ data }) => tryCustomIntegration(data));
    ctx.onInvalidated(() => {
      stopButtons();
      stopAnswering();
      delete world[RUNNING];
    });
    // Last, so a start that threw leaves no flag behind to keep a later copy out.
    world[RUNNING] = true;
  },
});
