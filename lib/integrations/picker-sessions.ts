import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import type { IncomingMessage } from '@/lib/messaging/handlers';
import { PICKER_LINE, type ButtonStartResult, type PickerSession, type PushedSession, type StartFromIssueResult } from '@/lib/messaging/protocol';
import { MessageRefusedError } from '@/lib/messaging/refusal';
import type { MessageSenderLike } from '@/lib/messaging/sender';
import type { IssueRef } from '@/lib/storage/timer';
import { parsePayload } from '@/lib/messaging/validate';

// The background's half of the in-page task picker. A button that needs a task never gets the
// task names. Its picker frame (entrypoints/picker, an extension page the tracker page cannot
// read) most often loaded before the press and opened a line here: the session goes straight
// down it. Otherwise the button gets a token, which the frame redeems here, once, from the same
// tab. The page never holds a session it could turn into a start of its choosing; at most it
// could replay a token already spent.

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

/** Picker frames waiting for a press, by the id each told its button. */
const frames = new Map<string, { port: Browser.runtime.Port; tabId: number | undefined }>();

/**
 * Takes the lines picker frames open as they load. Registered at the background's top level;
 * returns the function that stops listening.
 */
export function acceptPickerFrames(): () => void {
  const onConnect = (port: Browser.runtime.Port) => {
    if (!port.name.startsWith(PICKER_LINE)) return;
    try {
      requirePickerFrame(port.sender ?? {});
    } catch {
      port.disconnect();
      return;
    }
    const id = port.name.slice(PICKER_LINE.length);
    frames.set(id, { port, tabId: port.sender?.tab?.id });
    port.onDisconnect.addListener(() => {
      if (frames.get(id)?.port === port) frames.delete(id);
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
}

/**
 * The answer for a button's `startFromIssue`: task names stay here. When the user must pick, the
 * session goes down the line of the button's frame (`frame`, in the same tab) and the answer
 * carries no token; else it is held behind a token.
 */
export function answerButton(issue: IssueRef, result: StartFromIssueResult, tabId: number | undefined, frame?: string, now = Date.now()): ButtonStartResult {
  if (result.outcome !== 'needs-task') return { outcome: result.outcome };
  const session: PickerSession = { issue, note: result.note, suggestions: result.suggestions, ...(result.event && { event: result.event }) };
  const line = frame === undefined ? undefined : frames.get(frame);
  if (line && tabId !== undefined && line.tabId === tabId) {
    // A frame shows one press.
    frames.delete(frame!);
    line.port.postMessage({ type: 'session', session } satisfies PushedSession);
    return { outcome: 'needs-task', picker: null };
  }
  for (const [token, held] of sessions) if (held.until <= now) sessions.delete(token);
  const token = crypto.randomUUID();
  sessions.set(token, { session, tabId, until: now + LIFETIME_MS });
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
