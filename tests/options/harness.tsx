import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account } from '@/lib/storage/account';
import englishMessages from '../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const english: Catalogue = englishMessages;

/** `browser.i18n.getMessage` as Chrome answers it from the English catalogue: $NAME$ placeholders, then $1…. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = english[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const withPlaceholders = entry.message.replace(/\$(\w+)\$/g, (_, placeholder: string) => entry.placeholders?.[placeholder.toLowerCase()]?.content ?? '');
  return withPlaceholders.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export interface FakeBackground {
  /** The data of every message of `type` the page sent, in order. */
  of(type: string): unknown[];
  /** How the background answers a message type: its result, or throw to refuse. */
  answer(type: string, reply: (data: unknown) => unknown): void;
}

const containers: HTMLElement[] = [];

/**
 * A fresh fake browser per test: the English catalogue, and a background
 * behind `runtime.sendMessage`. @webext-core/messaging calls the callback
 * form, which the fake browser lacks, so the stub answers through the
 * callback in the library's wire format.
 */
export function useOptionsTestBrowser(): FakeBackground {
  const sent: Array<{ type: string; data: unknown }> = [];
  const replies = new Map<string, (data: unknown) => unknown>();

  beforeEach(() => {
    fakeBrowser.reset();
    // Chrome sets lastError only while a failed call's callback runs; the fake's standing
    // `{ message: '' }` would make every answered message look like a failure.
    Object.assign(fakeBrowser.runtime, { lastError: undefined });
    sent.length = 0;
    replies.clear();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as never);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: unknown }, callback?: (answer: unknown) => void) => {
      sent.push({ type: message.type, data: message.data });
      let answer: unknown;
      try {
        answer = { res: replies.get(message.type)?.(message.data) };
      } catch (error) {
        answer = { err: { name: 'Error', message: (error as Error).message } };
      }
      queueMicrotask(() => callback?.(answer));
      return undefined;
    }) as never);
  });

  afterEach(() => {
    for (const container of containers.splice(0)) {
      act(() => render(null, container));
      container.remove();
    }
    vi.restoreAllMocks();
  });

  return {
    of: (type) => sent.filter((message) => message.type === type).map((message) => message.data),
    answer: (type, reply) => replies.set(type, reply),
  };
}

/** Stubs the browser's permission prompt: `request` answers `granted`; `remove` succeeds. */
export function stubPermissions(granted: boolean) {
  return {
    request: vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(granted),
    remove: vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true),
  };
}

/** Renders into a fresh element of the document (unmounted and removed after the test). */
export function mount(ui: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  act(() => render(ui, container));
  return container;
}

/** Waits until `check` passes: storage answers and renders are asynchronous. */
export const until = <T,>(check: () => T): Promise<T> => vi.waitFor(check, { timeout: 2000, interval: 10 });

// ---- Finding things the way a user (or a screen reader) does ----

/** The form control whose `<label for>` (or aria-label) is exactly `label`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const labelled = [...root.querySelectorAll('label')]
    .filter((element) => element.textContent?.trim() === label)
    .map((element) => (element.htmlFor ? root.querySelector(`#${CSS.escape(element.htmlFor)}`) : element.querySelector('input, select')));
  const named = [...root.querySelectorAll(`[aria-label="${label}"]`)];
  const all = [...labelled, ...named].filter((element): element is Element => element !== null);
  if (all.length !== 1) throw new Error(`expected one field labelled "${label}", found ${all.length}`);
  return all[0] as T;
}

/** The one button named `name` (its aria-label, else its text). */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = buttons(root, name);
  if (found.length !== 1) throw new Error(`expected one button named "${name}", found ${found.length}`);
  return found[0]!;
}

export function buttons(root: ParentNode, name: string): HTMLButtonElement[] {
  return [...root.querySelectorAll('button')].filter((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name);
}

/** The text of the elements a field's `aria-describedby` names: what a screen reader reads after its name. */
export function descriptionOf(field: Element): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The page's polite confirmations, joined. */
export function notices(root: ParentNode): string {
  return [...root.querySelectorAll('[aria-live="polite"]')].map((element) => element.textContent).join(' ');
}

// ---- Acting like a user ----

export function type(input: HTMLInputElement, text: string): void {
  act(() => {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(element: Element): void {
  act(() => {
    (element as HTMLElement).click();
  });
}

export function press(element: Element, key: string): void {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export const ACCOUNT: Account = {
  token: 'token-1',
  baseUrl: 'https://app.timecamp.com/third_party/api',
  user: { userId: 7, email: 'ada@example.com', displayName: 'Ada Lovelace' },
  signedInAt: 0,
};
