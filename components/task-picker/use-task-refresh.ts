import { useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';

/** Where a refresh of the task tree stands, for the picker to say so. */
export type RefreshState = 'idle' | 'refreshing' | 'refreshed' | 'failed';

// A miss on every keystroke must not send a message on every keystroke; the background checks the
// tree's age again before it asks TimeCamp anything.
const NO_MATCH_PAUSE_MS = 30_000;

/**
 * Asks the background to fetch the task tree again: when the user presses
 * Refresh tasks, and when a search finds nothing (a task made in TimeCamp a
 * minute ago is not in the cached tree), at most every half minute. The new
 * tree reaches the popup as the stored tree changes; a view that asks the
 * background for its rows (the in-page picker) asks again in `onRefreshed`.
 */
export function useTaskRefresh(onRefreshed?: () => void): { state: RefreshState; refresh(): void; noMatch(): void } {
  const [state, setState] = useState<RefreshState>('idle');
  const running = useRef(false);
  const lastNoMatch = useRef(-Infinity);

  async function run(reason: 'no-match' | 'asked') {
    if (running.current) return;
    running.current = true;
    setState('refreshing');
    try {
      await sendMessage('refreshTasks', { reason });
      setState(reason === 'asked' ? 'refreshed' : 'idle');
      onRefreshed?.();
    } catch {
      // A miss's refresh failing says nothing the user asked about; a pressed button's does.
      setState(reason === 'asked' ? 'failed' : 'idle');
    } finally {
      running.current = false;
    }
  }

  return {
    state,
    refresh: () => void run('asked'),
    noMatch() {
      const now = Date.now();
      if (now - lastNoMatch.current < NO_MATCH_PAUSE_MS) return;
      lastNoMatch.current = now;
      void run('no-match');
    },
  };
}
