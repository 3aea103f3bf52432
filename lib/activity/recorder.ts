import type { ActivitySettings } from '@/lib/storage/settings';
import { isExcluded, subjectOf, type FrontTab, type SpanSubject } from './rules';

export type IdleState = 'active' | 'idle' | 'locked';

/** A span still running: the site in front since `start`, for the account signed in then. */
export interface OpenSpan extends SpanSubject {
  start: number;
  accountKey: string;
  /**
   * The running timer's task when the span opened (the service notes it; null when none ran). A
   * timer started, stopped or switched cuts the span, so this is its task throughout.
   */
  taskId?: number | null;
}

/** A finished span: what the outbox keeps until TimeCamp has it. */
export interface ClosedSpan extends OpenSpan {
  end: number;
}

/**
 * What the recorder knows of the browser. It lives in storage, not in the
 * worker's memory: MV3 stops the worker whenever it is idle, and the span
 * open then must still close at the right moment.
 */
export interface RecorderState {
  /**
   * The active tab of the focused window, as last heard: only what the rules
   * let be recorded of it (nothing of a private window or an excluded site,
   * no title while titles are off), so storage never holds more.
   */
  tab: { tabId: number; subject: SpanSubject | null } | null;
  /** Whether a browser window has the focus (another application may have it). */
  focused: boolean;
  idle: IdleState;
  /** `accountKeyOf` the signed-in account; nothing is recorded while signed out. */
  accountKey: string | null;
  open: OpenSpan | null;
  /** The last moment an event or a check saw the browser: an open span never runs far past it. */
  seenAt: number | null;
}

export const INITIAL_RECORDER: RecorderState = { tab: null, focused: true, idle: 'active', accountKey: null, open: null, seenAt: null };

/**
 * Longest a span may run on without any event or check. The flush alarm
 * checks every five minutes; a longer silence means the browser was closed
 * or the machine slept, and that time was not spent on the site.
 */
export const MAX_SILENCE_MS = 10 * 60_000;

/** Spans shorter than this are a tab passed through on the way to another: TimeCamp counts whole seconds. */
export const SHORTEST_SPAN_MS = 1_000;

export type RecorderEvent =
  /** The front tab read again: a tab activated, a window focused, the worker or the recording starting. */
  | { type: 'front'; tab: FrontTab | null }
  /** A tab navigated or changed its title; only the tab in front matters. */
  | { type: 'updated'; tab: FrontTab }
  /** No browser window has the focus any more. */
  | { type: 'blur' }
  | { type: 'idle'; state: IdleState }
  | { type: 'account'; accountKey: string | null }
  /** Settings changed: the rules are read again (a title or site read before they changed is not read again: the front tab is). */
  | { type: 'settings' }
  /** The periodic check: the open span is cut here, so what is done so far can be sent. */
  | { type: 'tick' };

export interface StepResult {
  state: RecorderState;
  closed: ClosedSpan[];
}

const seen = (tab: FrontTab | null, prefs: ActivitySettings) => tab && { tabId: tab.tabId, subject: subjectOf(tab, prefs) };

function withEvent(state: RecorderState, event: RecorderEvent, prefs: ActivitySettings): RecorderState {
  switch (event.type) {
    case 'front':
      return { ...state, tab: seen(event.tab, prefs), focused: true };
    case 'updated':
      return state.tab?.tabId === event.tab.tabId ? { ...state, tab: seen(event.tab, prefs) } : state;
    case 'blur':
      return { ...state, focused: false };
    case 'idle':
      return { ...state, idle: event.state };
    case 'account':
      return { ...state, accountKey: event.accountKey };
    case 'settings':
    case 'tick':
      return state;
  }
}

function wanted(state: RecorderState, prefs: ActivitySettings): (SpanSubject & { accountKey: string }) | null {
  if (!prefs.enabled || !state.focused || state.idle !== 'active' || state.accountKey === null) return null;
  const subject = state.tab?.subject;
  // Read at the tab's event; a site excluded or a title forbidden since is not recorded either.
  if (!subject || isExcluded(subject.domain, prefs.excluded)) return null;
  return { domain: subject.domain, title: prefs.titles ? subject.title : null, accountKey: state.accountKey };
}

const same = (open: OpenSpan, next: SpanSubject & { accountKey: string }) =>
  open.domain === next.domain && open.title === next.title && open.accountKey === next.accountKey;

/**
 * One event at `at`: the state after it, and the spans it closed. A span
 * closes when what is in front changes (another tab, a navigation to another
 * site, a new title while titles are recorded), when the browser loses the
 * focus, when the system goes idle or locks, when the site is excluded, when
 * the account changes and when recording is switched off.
 */
export function step(state: RecorderState, event: RecorderEvent, at: number, prefs: ActivitySettings): StepResult {
  const next = withEvent(state, event, prefs);
  const target = wanted(next, prefs);
  const silent = state.seenAt !== null && at - state.seenAt > MAX_SILENCE_MS;
  const open = state.open;
  if (open && target && same(open, target) && !silent && event.type !== 'tick') {
    return { state: { ...next, seenAt: at }, closed: [] };
  }
  const closed: ClosedSpan[] = [];
  if (open) {
    const end = silent ? state.seenAt! + MAX_SILENCE_MS : at;
    if (end - open.start >= SHORTEST_SPAN_MS) closed.push({ ...open, end });
  }
  return { state: { ...next, open: target && { ...target, start: at }, seenAt: at }, closed };
}
