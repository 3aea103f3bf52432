import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acceptPickerFrames, answerButton, redeemPickerSession } from '@/lib/integrations/picker-sessions';
import type { StartFromIssueResult } from '@/lib/messaging/protocol';
import { TASK } from './helpers';

// The background's half of the in-page picker: a button that needs a task gets a token, and only
// the picker frame, in the same tab, gets the issue and the tasks for it, once.

const ISSUE = { integration: 'github', externalId: 'github_issue_octo/hello-world#12', key: '#12', title: 'Fix login redirect', url: 'https://github.com/octo/hello-world/issues/12' };
const NEEDS_TASK: StartFromIssueResult = { outcome: 'needs-task', note: '#12 Fix login redirect', suggestions: [TASK] };

/** The picker page in a frame of tab `tabId`, under Chrome's per-session dynamic origin. */
const frame = (tabId = 4) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId }, url: 'chrome-extension://0b9e4c2a-5d1f-4e0a-9c33-6f2d8a7e1b40/picker.html' });
const redeem = (token: string, sender: object = frame(), now?: number) => () => redeemPickerSession({ data: { token }, sender }, now);

describe('picker sessions', () => {
  beforeEach(() => fakeBrowser.reset());

  it("answer a button with a token, never a task's name", () => {
    const answer = answerButton(ISSUE, NEEDS_TASK, 4);
    expect(answer).toEqual({ outcome: 'needs-task', picker: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(answer)).not.toContain(TASK.name);
    expect(answerButton(ISSUE, { outcome: 'started', task: TASK }, 4)).toEqual({ outcome: 'started' });
    expect(answerButton(ISSUE, { outcome: 'signed-out' }, 4)).toEqual({ outcome: 'signed-out' });
  });

  it('give the picker frame in the same tab the issue, the note and the suggestions, once', () => {
    const answer = answerButton(ISSUE, NEEDS_TASK, 4);
    const token = answer.outcome === 'needs-task' ? (answer.picker ?? '') : '';
    expect(redeem(token, frame(5))).toThrow(/no such session/);
    expect(redeem(token)()).toEqual({ issue: ISSUE, note: '#12 Fix login redirect', suggestions: [TASK] });
    expect(redeem(token)).toThrow(/no such session/);
  });

  it("refuse the tracker page's content script and other extensions", () => {
    const answer = answerButton(ISSUE, NEEDS_TASK, 4);
    const token = answer.outcome === 'needs-task' ? (answer.picker ?? '') : '';
    expect(redeem(token, { id: fakeBrowser.runtime.id, tab: { id: 4 }, url: 'https://github.com/octo/hello-world/issues/12' })).toThrow(/only the extension's task picker/);
    expect(redeem(token, { ...frame(), id: 'another-extension' })).toThrow(/only the extension's task picker/);
    expect(redeem(token, { ...frame(), url: fakeBrowser.runtime.getURL('/options.html') })).toThrow(/only the extension's task picker/);
    expect(redeem(token)()).toMatchObject({ issue: ISSUE });
  });

  it('expire after a minute', () => {
    const answer = answerButton(ISSUE, NEEDS_TASK, 4, undefined, 1_000);
    const token = answer.outcome === 'needs-task' ? (answer.picker ?? '') : '';
    expect(redeem(token, frame(), 61_000)).toThrow(/no such session/);
  });
});

/** A line a frame opened with `runtime.connect`, as the background's `onConnect` gets it. */
function line(name: string, sender: object) {
  const disconnected: Array<() => void> = [];
  return {
    name,
    sender,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onDisconnect: { addListener: (listener: () => void) => disconnected.push(listener) },
    /** The frame went away (closed, navigated, or its page unloaded). */
    drop: () => disconnected.forEach((listener) => listener()),
  };
}
const connect = (port: ReturnType<typeof line>) => (fakeBrowser.runtime as unknown as { onConnect: { trigger(port: unknown): void } }).onConnect.trigger(port);

describe("picker frames' lines", () => {
  let stop: () => void;
  beforeEach(() => {
    fakeBrowser.reset();
    stop = acceptPickerFrames();
  });
  afterEach(() => stop());

  it('send the session straight to the frame the press names, in the same tab, and the button no token', () => {
    const frameLine = line('picker:f1', frame(4));
    connect(frameLine);

    expect(answerButton(ISSUE, NEEDS_TASK, 4, 'f1')).toEqual({ outcome: 'needs-task', picker: null });
    expect(frameLine.postMessage).toHaveBeenCalledWith({ type: 'session', session: { issue: ISSUE, note: '#12 Fix login redirect', suggestions: [TASK] } });
    // One press per frame: a second press gets a token.
    expect(answerButton(ISSUE, NEEDS_TASK, 4, 'f1')).toEqual({ outcome: 'needs-task', picker: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("never send a session to another tab's frame, or down a line that is gone", () => {
    const elsewhere = line('picker:f2', frame(9));
    connect(elsewhere);
    expect(answerButton(ISSUE, NEEDS_TASK, 4, 'f2')).toMatchObject({ picker: expect.any(String) });
    expect(elsewhere.postMessage).not.toHaveBeenCalled();

    const gone = line('picker:f3', frame(4));
    connect(gone);
    gone.drop();
    expect(answerButton(ISSUE, NEEDS_TASK, 4, 'f3')).toMatchObject({ picker: expect.any(String) });
    expect(gone.postMessage).not.toHaveBeenCalled();
  });

  it("hang up on a line that is not the extension's picker page", () => {
    const page = line('picker:f4', { id: fakeBrowser.runtime.id, tab: { id: 4 }, url: 'https://github.com/octo/hello-world/issues/12' });
    connect(page);
    expect(page.disconnect).toHaveBeenCalled();
    expect(answerButton(ISSUE, NEEDS_TASK, 4, 'f4')).toMatchObject({ picker: expect.any(String) });
    expect(page.postMessage).not.toHaveBeenCalled();

    const other = line('something-else', frame(4));
    connect(other);
    expect(other.disconnect).not.toHaveBeenCalled();
  });
});
