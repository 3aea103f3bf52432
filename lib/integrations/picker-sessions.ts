import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { IncomingMessage } from '@/lib/messaging/handlers';
import type { ButtonStartResult, PickerSession, StartFromIssueResult } from '@/lib/messaging/protocol';
import { MessageRefusedError } from '@/lib/messaging/refusal';
import type { MessageSenderLike } from '@/lib/messaging/sender';
import type { IssueRef } from '@/lib/storage/timer';
import { parsePayload } from '@/lib/messaging/validate';

// The background's half of the in-page task picker. A button that needs a task gets a token,
// not the task names: the picker frame (entrypoints/picker, an extension page the tracker page
// cannot read) redeems it here, once, from the same tab. The page never holds a session it
// could turn into a start of its choosing; at most it could replay a token already spent.

/**
 * Long enough for a slow frame to load; a click of the button opens a new session anyway. (Held in
 * the worker's memory: a worker stopped in between forgets them, and the frame says to press again.)
 */
const LIFETIME_MS = 60_000;

interface Held {
  session: PickerSession;
  tabId: number | undefined;
  until: number;
}

const sessions = new Map<string, Held>();

/** The answer for a button's `startFromIssue`: task names stay here, behind a session when the user must pick. */
export function answerButton(issue: IssueRef, result: StartFromIssueResult, tabId: number | undefined, now = Date.now()): ButtonStartResult {
  if (result.outcome !== 'needs-task') return { outcome: result.outcome };
  for (const [token, held] of sessions) if (held.until <= now) sessions.delete(token);
  const token = crypto.randomUUID();
  sessions.set(token, { session: { issue, note: result.note, suggestions: result.suggestions }, tabId, until: now + LIFETIME_MS });
  return { outcome: 'needs-task', picker: token };
}

/** The picker page as the browser names its sender: this extension's `/picker.html`, under its static or its dynamic origin. */
function requirePickerFrame(sender: MessageSenderLike): void {
  const ours = new URL(browser.runtime.getURL('/'));
  let from: URL | null = null;
  try {
    from = new URL(sender.url ?? '');
  } catch {
    // not a URL: refused below
  }
  if (sender.id !== browser.runtime.id || from?.protocol !== ours.protocol || from.pathname !== '/picker.html') {
    throw new MessageRefusedError('refused: only the extension\'s task picker may open a picker session');
  }
}

const TokenSchema = v.strictObject({ token: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });

/** `pickerSession`: the session behind a token, once, to the picker frame in the tab the button was pressed in. */
export function redeemPickerSession({ data, sender }: IncomingMessage, now = Date.now()): PickerSession {
  requirePickerFrame(sender);
  const { token } = parsePayload('pickerSession', TokenSchema, data);
  const held = sessions.get(token);
  if (held && held.until > now && held.tabId === sender.tab?.id) {
    sessions.delete(token);
    return held.session;
  }
  if (held && held.until <= now) sessions.delete(token);
  throw new MessageRefusedError('pickerSession: no such session in this tab, or it expired');
}
