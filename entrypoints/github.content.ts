import { sendMessage } from '@/lib/messaging/protocol';

// Tells the background that the GitHub integration runs on this tab. The
// Start timer button arrives with the tracker's own issue.
export default defineContentScript({
  matches: ['https://github.com/*'],
  main() {
    // A refused or unanswered report must not break the page; there is nothing to retry.
    sendMessage('reportPage', { integration: 'github', url: location.href }).catch(() => undefined);
  },
});
