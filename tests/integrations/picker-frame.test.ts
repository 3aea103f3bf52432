// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { frameBox } from '@/components/in-page/picker-frame';
import { defineIntegration } from '@/lib/integrations/define';
import { startIntegrations } from '@/lib/integrations/start';
import { buttonOf, fakeMessenger, hosts, onlyHost, settle, userClick } from './helpers';

// The task picker's frame, as the content script places it by the button. The page inside the
// frame is tests/in-page/issue-picker.test.tsx.

describe('where the picker frame goes', () => {
  // GitHub's issue page in a 780×493 window, where the in-page picker once ran 90 px past the bottom.
  const small = { width: 780, height: 493 };

  it('goes under the button, no taller than the room there: its Note and Start stay in the window', () => {
    const box = frameBox({ top: 120, bottom: 148, left: 600 }, 430, small);
    expect(box.top).toBe(152);
    expect(box.top + box.height).toBeLessThanOrEqual(small.height - 8);
    expect(box.left + box.width).toBeLessThanOrEqual(small.width - 8);
  });

  it('is as tall as it asks when that fits', () => {
    expect(frameBox({ top: 120, bottom: 148, left: 20 }, 260, small)).toEqual({ top: 152, left: 20, width: 360, height: 260 });
  });

  it('goes above a button near the bottom of the window', () => {
    const box = frameBox({ top: 440, bottom: 468, left: 20 }, 300, small);
    expect(box.top + box.height).toBe(436);
    expect(box.top).toBeGreaterThanOrEqual(8);
  });

  it('keeps inside a narrow window', () => {
    const box = frameBox({ top: 10, bottom: 38, left: 250 }, 300, { width: 320, height: 600 });
    expect(box).toMatchObject({ left: 8, width: 304 });
  });
});

const tracker = defineIntegration(
  { id: 'test', name: 'Test', matches: [], selfHosted: true },
  {
    issuePages: /^\/i\/\d+/,
    places: [{ name: 'issue', anchor: '#issue', position: 'inside', read: () => ({ externalId: 'test_issue_7', key: '#7', title: 'Export fails', url: 'https://tracker.test/i/7' }) }],
  },
);
const ORIGIN = new URL(fakeBrowser.runtime.getURL('/')).origin;

describe('the picker frame by the button', () => {
  let messenger: ReturnType<typeof fakeMessenger>;
  let stop: () => void;
  let closedRoots: ShadowRoot[];
  /** Stands for the frame's window, which happy-dom does not load: what the button posts to it. */
  const frameWindow = { postMessage: vi.fn() };

  const dialog = () => onlyHost().shadowRoot!.querySelector<HTMLElement>('[role=dialog]');
  const frame = () => closedRoots.flatMap((root) => [...root.querySelectorAll('iframe')])[0];
  /** The frame's page has loaded: the button hands it its port, which the test keeps. */
  const loaded = (): MessagePort => {
    frame()!.dispatchEvent(new Event('load'));
    const [[message, targetOrigin, [port]]] = frameWindow.postMessage.mock.calls as [[unknown, string, MessagePort[]]];
    expect([message, targetOrigin]).toEqual(['timecamp-picker', ORIGIN]);
    return port!;
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    frameWindow.postMessage.mockClear();
    // The frame's root is closed to the page; the test keeps a handle on it as it is made.
    closedRoots = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      if (init.mode === 'closed') closedRoots.push(root);
      return root;
    });
    document.body.innerHTML = '<div id="issue"></div>';
    messenger = fakeMessenger();
    messenger.startFromIssue.mockResolvedValue({ outcome: 'needs-task', picker: 'session-1' });
    stop = startIntegrations([tracker], { messenger, settings: { getValue: async () => null, watch: () => () => undefined } });
    await settle();
    userClick(buttonOf(onlyHost()));
    await settle();
    Object.defineProperty(frame(), 'contentWindow', { value: frameWindow, configurable: true });
  });
  afterEach(() => {
    stop();
    vi.restoreAllMocks();
  });

  it("shows the extension's picker page, where the page's script cannot reach it, and hands it the press's session", async () => {
    expect(dialog()?.getAttribute('aria-label')).toBe('Start a TimeCamp timer');
    expect(dialog()?.hidden).toBe(false);
    // The session is not in the address (which the page could read off the element): it goes over the port.
    expect(frame()?.src).toBe(fakeBrowser.runtime.getURL('/picker.html'));
    const port = loaded();
    const heard = await new Promise((resolve) => (port.onmessage = (event) => resolve(event.data)));
    expect(heard).toEqual({ type: 'shown', token: 'session-1' });
    expect(frame()?.title).toBe('TimeCamp task picker');
    // Neither the page nor the button's open shadow root holds the frame.
    expect(document.querySelector('iframe')).toBeNull();
    expect(onlyHost().shadowRoot!.querySelector('iframe')).toBeNull();
  });

  it('closes when the frame started the timer, and gives the focus back to the button', async () => {
    loaded().postMessage({ type: 'started' });
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(onlyHost().shadowRoot!.activeElement).toBe(buttonOf(onlyHost()));
  });

  it('closes when the frame asks to (Escape, Cancel)', async () => {
    loaded().postMessage({ type: 'close' });
    await vi.waitFor(() => expect(dialog()).toBeNull());
  });

  it("hears nothing the page posts: the frame's only line is its port", async () => {
    loaded();
    const fromPage = new MessageEvent('message', { data: { type: 'close' }, origin: ORIGIN });
    Object.defineProperty(fromPage, 'isTrusted', { value: true });
    window.dispatchEvent(fromPage);
    await settle();
    expect(dialog()).not.toBeNull();
  });
});

describe('the picker readied before the press', () => {
  const board = defineIntegration(
    { id: 'test', name: 'Test', matches: [], selfHosted: true },
    {
      issuePages: /^\/board/,
      places: [
        {
          name: 'card',
          anchor: '.card',
          position: 'inside',
          read: (card) => ({ externalId: `test_issue_${card.id}`, key: `#${card.id}`, title: `Card ${card.id}`, url: `https://tracker.test/i/${card.id}` }),
        },
      ],
    },
  );
  let messenger: ReturnType<typeof fakeMessenger>;
  let stop: () => void;
  let closedRoots: ShadowRoot[];

  const frames = () => closedRoots.flatMap((root) => [...root.querySelectorAll('iframe')]).filter((frame) => frame.isConnected);
  const dialogOf = (host: HTMLElement) => host.shadowRoot!.querySelector<HTMLElement>('[role=dialog]');

  beforeEach(async () => {
    fakeBrowser.reset();
    closedRoots = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      if (init.mode === 'closed') closedRoots.push(root);
      return root;
    });
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://tracker.test/board');
    document.body.innerHTML = '<div class="card" id="1"></div><div class="card" id="2"></div>';
    messenger = fakeMessenger();
    stop = startIntegrations([board], { messenger, settings: { getValue: async () => null, watch: () => () => undefined } });
    await settle();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('loads out of sight while the pointer rests on the button, and the press shows that same frame', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const [first] = hosts();
    buttonOf(first!).dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(100);
    const early = frames();
    expect(early).toHaveLength(1);
    expect(dialogOf(first!)?.hidden).toBe(true);
    expect(messenger.startFromIssue).not.toHaveBeenCalled();

    messenger.startFromIssue.mockResolvedValue({ outcome: 'needs-task', picker: 'session-1' });
    vi.useRealTimers();
    userClick(buttonOf(first!));
    await settle();
    expect(dialogOf(first!)?.hidden).toBe(false);
    expect(frames()).toEqual(early);
  });

  it('names the frame that said its id with the press, and tells a frame the background sent the session to only that it shows', async () => {
    const [first] = hosts();
    const button = buttonOf(first!);
    button.focus();
    const [frame] = frames();
    const frameWindow = { postMessage: vi.fn() };
    Object.defineProperty(frame, 'contentWindow', { value: frameWindow, configurable: true });
    frame!.dispatchEvent(new Event('load'));
    const [[, , [port]]] = frameWindow.postMessage.mock.calls as [[unknown, string, MessagePort[]]];
    const heard: unknown[] = [];
    port!.onmessage = (event) => heard.push(event.data);
    port!.postMessage({ type: 'ready', id: 'line-7' });
    await settle();

    messenger.startFromIssue.mockResolvedValue({ outcome: 'needs-task', picker: null });
    userClick(button);
    await settle();
    expect(messenger.startFromIssue).toHaveBeenCalledWith(expect.objectContaining({ externalId: 'test_issue_1', frame: 'line-7' }));
    expect(dialogOf(first!)?.hidden).toBe(false);
    expect(frames()).toEqual([frame]);
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'shown' }]));
  });

  it('loads nothing for a pointer that only crosses the button', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const button = buttonOf(hosts()[0]!);
    button.dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(10);
    button.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersByTime(500);
    expect(frames()).toHaveLength(0);
  });

  it('keeps one frame on the page: readying another button drops the first one', () => {
    const [first, second] = hosts();
    buttonOf(first!).focus();
    expect(frames()).toHaveLength(1);
    buttonOf(second!).focus();
    expect(frames()).toHaveLength(1);
    expect(dialogOf(first!)).toBeNull();
    expect(dialogOf(second!)).not.toBeNull();
  });

  it('drops it when the press needs no task (the timer started) or fails', async () => {
    const [first] = hosts();
    userClick(buttonOf(first!));
    await settle();
    expect(messenger.startFromIssue).toHaveBeenCalledTimes(1);
    expect(frames()).toHaveLength(0);

    messenger.startFromIssue.mockRejectedValue(new Error('TimeCamp is out of reach'));
    userClick(buttonOf(hosts()[1]!));
    await settle();
    expect(frames()).toHaveLength(0);
    expect(dialogOf(hosts()[1]!)?.textContent).toContain('TimeCamp is out of reach');
  });
});
