import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account } from '@/lib/storage/account';

// What the popup's and the options page's tests share: an extension page in
// WXT's fake browser, a fake background, and acting on the page as a user.

export interface SentMessage {
  type: string;
  data: unknown;
}

export interface FakeBackground {
  /** Every message the page sent, in order. */
  sent: SentMessage[];
  /** The data of every message of `type`, in order. */
  of(type: string): unknown[];
  /** How the background answers a message type: its result, or throw to refuse. */
  answer(type: string, reply: (data: unknown) => unknown): void;
}

const containers: HTMLElement[] = [];

/**
 * A fresh fake browser per test (with the English catalogue: tests/setup/english-catalogue.ts) and a fake
 * background behind `runtime.sendMessage`. @webext-core/messaging calls
 * Chrome's callback form (`sendMessage(message, callback)`), which the fake
 * browser does not implement, so the spy answers through the callback in the
 * messaging library's wire format.
 */
export function useViewTestBrowser(): FakeBackground {
  const sent: SentMessage[] = [];
  const replies = new Map<string, (data: unknown) => unknown>();

  beforeEach(() => {
    fakeBrowser.reset();
    // Chrome sets lastError only while a failed call's callback runs; the fake's standing
    // `{ message: '' }` would make every answered message look like a failure.
    Object.assign(fakeBrowser.runtime, { lastError: undefined });
    sent.length = 0;
    replies.clear();
    vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: SentMessage, callback?: (answer: unknown) => void) => {
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
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  return {
    sent,
    of: (type) => sent.filter((message) => message.type === type).map((message) => message.data),
    answer: (type, reply) => replies.set(type, reply),
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

/** Waits until `check` passes: storage answers and renders are asynchronous (and slow on a busy machine). */
export const until = <T,>(check: () => T): Promise<T> => vi.waitFor(check, { timeout: 5000, interval: 10 });

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

export function press(element: Element, key: string): void {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export function click(element: Element): void {
  act(() => {
    (element as HTMLElement).click();
  });
}

export function blur(element: HTMLElement): void {
  act(() => {
    element.blur();
    element.dispatchEvent(new FocusEvent('blur'));
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

/** The account the background would have stored after a sign-in. */
export const ACCOUNT: Account = {
  token: 'token-1',
  baseUrl: 'https://app.timecamp.com/third_party/api',
  user: { userId: 7, email: 'ada@example.com', displayName: 'Ada Lovelace' },
  signedInAt: 0,
};
