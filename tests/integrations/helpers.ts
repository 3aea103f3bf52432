import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { TaskChoice } from '@/lib/messaging/protocol';
import type { Integration } from '@/lib/integrations/define';
import type { Messenger } from '@/lib/integrations/messenger';
import { startIntegrations } from '@/lib/integrations/start';
import type { IssueRef, RunningTimer } from '@/lib/storage/timer';

/** Reads `tests/fixtures/<file>` as it is on disk. */
export function fixture(file: string): string {
  // A path, not a URL: the DOM environment replaces the global URL with its own.
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', file), 'utf8');
}

/** Parses a fixture without touching the page (e.g. to take markup to re-insert). */
export function parseFixture(file: string): Document {
  return new DOMParser().parseFromString(fixture(file), 'text/html');
}

/** Makes the test page the fixture, served at `url`. */
export function openPage(file: string, url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = parseFixture(file);
  document.documentElement.remove();
  document.append(document.importNode(parsed.documentElement, true));
}

/** The page's markup at `selector` in the pristine fixture, ready to put into the page. */
export function freshCopy(file: string, selector: string): Element {
  const element = parseFixture(file).querySelector(selector);
  if (!element) throw new Error(`${file} has no ${selector}`);
  return document.importNode(element, true);
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const microtasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/**
 * Lets the page settle: mutation callbacks, the observer's animation-frame batch, and the
 * promises of messages and storage. Counts turns of the event loop, never wall-clock time.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await microtasks();
    await frame();
  }
  await microtasks();
}

function asTrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A click as the user makes it (`isTrusted`), which the page cannot forge. */
export function userClick(element: Element): void {
  element.dispatchEvent(asTrusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })));
}

export function userKey(element: Element, key: string): void {
  element.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true })));
}

/** Types into an input as a user does: value, then an `input` event. */
export function userType(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function hosts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('timecamp-button')];
}

/** The one button on the page; fails when there is not exactly one. */
export function onlyHost(): HTMLElement {
  const all = hosts();
  if (all.length !== 1) throw new Error(`expected one timecamp-button, found ${all.length}`);
  return all[0]!;
}

export function buttonOf(host: Element): HTMLButtonElement {
  const button = host.shadowRoot?.querySelector('button');
  if (!button) throw new Error('the host has no button in an open shadow root');
  return button;
}

/** The accessible name of the main button: its text, since it has no label attributes. */
export const nameOf = (button: HTMLButtonElement) => button.textContent?.trim();

export const TASK: TaskChoice = { taskId: 7, name: 'Backend', path: 'Acme › Web › Backend', color: null };

/**
 * A messenger whose answers tests can change; every call is recorded. `askIssue()` asks the
 * content script for its issue the way the background's `readIssue` does.
 */
export function fakeMessenger() {
  let answer: (() => IssueRef | null) | undefined;
  const messenger = {
    startFromIssue: vi.fn<Messenger['startFromIssue']>(async () => ({ outcome: 'started' })),
    stopTimer: vi.fn<Messenger['stopTimer']>(async () => undefined),
    reportPage: vi.fn<Messenger['reportPage']>(async () => undefined),
    onReadIssue: vi.fn<Messenger['onReadIssue']>((answerWith) => {
      answer = answerWith;
      return () => (answer = undefined);
    }),
  } satisfies Messenger;
  return Object.assign(messenger, { askIssue: () => (answer ? answer() : 'nobody answers') });
}

/** A running timer as the background stores it, started from `externalId`'s issue. */
export function timerFor(externalId: string, overrides: Partial<RunningTimer> = {}): RunningTimer {
  return {
    timerId: 501,
    entryId: 9001,
    taskId: TASK.taskId,
    taskName: TASK.name,
    taskPath: TASK.path,
    externalTaskId: null,
    note: 'working',
    billable: false,
    startedAt: Date.parse('2026-11-28T09:00:00Z'),
    source: { integration: 'test', externalId, key: '#1', title: 'x', url: 'https://example.org/1' },
    startedHere: true,
    startId: null,
    ...overrides,
  };
}

/**
 * Opens a fixture at `url` (after `tweak` changed the page, if given), runs the integration, and
 * answers with the issue a press on each button sends, or an empty list when there is no button.
 */
export async function issuesOn(
  integration: Integration,
  file: string,
  url: string,
  tweak: () => void = () => undefined,
): Promise<IssueRef[]> {
  const messenger = fakeMessenger();
  openPage(file, url);
  tweak();
  const stop = startIntegrations([integration], { messenger });
  try {
    await settle();
    for (const host of hosts()) userClick(buttonOf(host));
    await settle();
    return messenger.startFromIssue.mock.calls.map(([issue]) => issue);
  } finally {
    stop();
  }
}
