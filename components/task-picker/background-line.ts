import { browser } from 'wxt/browser';
import { PICKER_LINE, type PickerSession, type PushedSession } from '@/lib/messaging/protocol';
import { SESSION_MARK } from './button-line';

export interface LineToBackground {
  /** Names the line: the frame tells it to its button alone, whose press sends it along. */
  id: string;
  /** The session of the button's press, when the background sends it down this line. */
  session: Promise<PickerSession>;
}

/**
 * The picker frame's line to the background, opened as the frame loads: a press of its button
 * then sends the session straight here, with no token for the frame to redeem (a round trip
 * less between the click and the picker). A press before the line is open gets a token instead,
 * and a line a restarted worker dropped is simply never answered.
 */
export function lineToBackground(): LineToBackground {
  const id = crypto.randomUUID();
  const port = browser.runtime.connect({ name: PICKER_LINE + id });
  const session = new Promise<PickerSession>((resolve) => {
    port.onMessage.addListener((message: unknown) => {
      const pushed = message as Partial<PushedSession> | null;
      if (pushed?.type !== 'session' || !pushed.session) return;
      performance.mark(SESSION_MARK);
      resolve(pushed.session);
      port.disconnect();
    });
  });
  return { id, session };
}
