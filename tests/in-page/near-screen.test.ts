// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * An IntersectionObserver that reports only what a test says came near the screen: happy-dom
 * lays nothing out, and its own observer never reports at all.
 */
class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  readonly watched = new Set<Element>();
  constructor(private readonly report: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(target: Element) {
    this.watched.add(target);
  }
  unobserve(target: Element) {
    this.watched.delete(target);
  }
  disconnect() {
    this.watched.clear();
  }
  /** The page scrolled: `target` is now within the observer's margin of the viewport, or not. */
  static scrolled(target: Element, isIntersecting = true) {
    for (const observer of FakeIntersectionObserver.all) if (observer.watched.has(target)) observer.report([{ target, isIntersecting }]);
  }
}

type Module = typeof import('@/components/in-page/timer-button') & typeof import('@/components/in-page/near-screen');
let made: Module;
let buttons: Array<ReturnType<Module['createTimerButton']>>;

const label = (host: HTMLElement) => host.shadowRoot?.querySelector('button')?.textContent ?? null;

/** `count` buttons in the page, as a board's cards get them. */
function board(count: number) {
  for (let i = 0; i < count; i++) {
    const view = made.createTimerButton('test', `card-${buttons.length}`, () => undefined);
    view.render({ running: false, busy: false, trackedSeconds: 0 });
    document.body.append(view.host);
    buttons.push(view);
  }
  return buttons.slice(-count);
}

beforeEach(async () => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  FakeIntersectionObserver.all = [];
  // The count of buttons built at once is the page's: a fresh page per test.
  vi.resetModules();
  made = { ...(await import('@/components/in-page/timer-button')), ...(await import('@/components/in-page/near-screen')) };
  buttons = [];
});
afterEach(() => {
  for (const view of buttons) view.destroy();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('buttons on a page with more of them than are built at once', () => {
  it('builds the first ones at once and the rest only when they come near the screen', () => {
    const first = board(made.BUILT_AT_ONCE);
    const [late] = board(1);

    expect(first.map((view) => label(view.host))).toEqual(first.map(() => 'Start timer'));
    expect(late!.host.isConnected).toBe(true);
    expect(label(late!.host)).toBeNull();

    FakeIntersectionObserver.scrolled(late!.host);
    expect(label(late!.host)).toBe('Start timer');
  });

  it('shows a late button with the state it was given before it was built', () => {
    board(made.BUILT_AT_ONCE);
    const [late] = board(1);
    late!.render({ running: true, busy: false, trackedSeconds: 5_400 });

    FakeIntersectionObserver.scrolled(late!.host);
    const button = late!.host.shadowRoot!.querySelector('button')!;
    expect([button.textContent, button.getAttribute('aria-pressed')]).toEqual(['Stop timer', 'true']);
    expect(late!.host.shadowRoot!.textContent).toContain('1:30');
  });

  it('leaves a button whose place is still far from the screen unbuilt', () => {
    board(made.BUILT_AT_ONCE);
    const [late] = board(1);

    FakeIntersectionObserver.scrolled(late!.host, false);
    expect(label(late!.host)).toBeNull();
  });

  it('builds a late button at once when it must show something, a notice', () => {
    board(made.BUILT_AT_ONCE);
    const [late] = board(1);

    late!.showNotice('TimeCamp is unreachable');
    expect(late!.host.shadowRoot!.textContent).toContain('TimeCamp is unreachable');
    expect(label(late!.host)).toBe('Start timer');
  });

  it('gives the place of a button that left the page to the next one', () => {
    const [gone] = board(made.BUILT_AT_ONCE);
    gone!.destroy();
    gone!.host.remove();

    const [next] = board(1);
    expect(label(next!.host)).toBe('Start timer');
    // Its place counts once, however often the button is destroyed.
    gone!.destroy();
    const [after] = board(1);
    expect(label(after!.host)).toBeNull();
  });

  it('stops watching a late button that left the page before it came near the screen', () => {
    board(made.BUILT_AT_ONCE);
    const [late] = board(1);
    late!.destroy();

    FakeIntersectionObserver.scrolled(late!.host);
    expect(label(late!.host)).toBeNull();
    expect(FakeIntersectionObserver.all.every((observer) => !observer.watched.has(late!.host))).toBe(true);
  });
});
