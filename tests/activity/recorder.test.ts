import { describe, expect, it } from 'vitest';
import { INITIAL_RECORDER, MAX_SILENCE_MS, step, type ClosedSpan, type RecorderEvent, type RecorderState } from '@/lib/activity/recorder';
import type { FrontTab } from '@/lib/activity/rules';
import { DEFAULT_SETTINGS, type ActivitySettings } from '@/lib/storage/settings';

const ON: ActivitySettings = { ...DEFAULT_SETTINGS.activity, enabled: true };
const WITH_TITLES: ActivitySettings = { ...ON, titles: true };
const ACCOUNT = 'https://app.timecamp.com/third_party/api#7';
const S = 1_000;

const tab = (tabId: number, url: string, title = 'A page', incognito = false): FrontTab => ({ tabId, url, title, incognito });

/** Feeds events one second apart (or at the times given) and collects every span closed. */
function run(events: Array<RecorderEvent | [number, RecorderEvent]>, prefs: ActivitySettings | ((i: number) => ActivitySettings) = ON) {
  let state: RecorderState = { ...INITIAL_RECORDER, accountKey: ACCOUNT };
  const closed: ClosedSpan[] = [];
  events.forEach((entry, i) => {
    const [at, event] = Array.isArray(entry) ? entry : [i * 60 * S, entry];
    const result = step(state, event, at, typeof prefs === 'function' ? prefs(i) : prefs);
    state = result.state;
    closed.push(...result.closed);
  });
  return { state, closed, spans: closed.map((span) => [span.domain, span.start / S, span.end / S]) };
}

describe('the span recorder', () => {
  it('opens a span on the tab in front and closes it when another tab comes in front', () => {
    const { spans, state } = run([{ type: 'front', tab: tab(1, 'https://github.com/octo/app') }, { type: 'front', tab: tab(2, 'https://linear.app/team') }]);
    expect(spans).toEqual([['github.com', 0, 60]]);
    expect(state.open).toMatchObject({ domain: 'linear.app', start: 60 * S });
  });

  it('closes a span when the tab navigates to another site, and keeps it through a page of the same site', () => {
    const { spans } = run([
      { type: 'front', tab: tab(1, 'https://github.com/octo/app') },
      { type: 'updated', tab: tab(1, 'https://github.com/octo/app/issues') },
      { type: 'updated', tab: tab(1, 'https://docs.example.org/') },
      { type: 'tick' },
    ]);
    expect(spans).toEqual([
      ['github.com', 0, 120],
      ['docs.example.org', 120, 180],
    ]);
  });

  it('ignores changes of tabs that are not in front', () => {
    const { spans, state } = run([{ type: 'front', tab: tab(1, 'https://github.com/') }, { type: 'updated', tab: tab(9, 'https://news.example.com/') }]);
    expect(spans).toEqual([]);
    expect(state.open?.domain).toBe('github.com');
  });

  it('pauses while the browser has lost the focus, and resumes when a window gets it back', () => {
    const { spans } = run([
      { type: 'front', tab: tab(1, 'https://github.com/') },
      { type: 'blur' },
      { type: 'updated', tab: tab(1, 'https://github.com/x') },
      { type: 'front', tab: tab(1, 'https://github.com/x') },
      { type: 'tick' },
    ]);
    expect(spans).toEqual([
      ['github.com', 0, 60],
      ['github.com', 180, 240],
    ]);
  });

  it.each(['idle', 'locked'] as const)('pauses while the system is %s, and resumes when it is active again', (away) => {
    const { spans } = run([{ type: 'front', tab: tab(1, 'https://github.com/') }, { type: 'idle', state: away }, { type: 'idle', state: 'active' }, { type: 'tick' }]);
    expect(spans).toEqual([
      ['github.com', 0, 60],
      ['github.com', 120, 180],
    ]);
  });

  it('never records an excluded domain nor its subdomains, and resumes on the next site', () => {
    const prefs = { ...ON, excluded: ['example-bank.com'] };
    const { spans } = run(
      [
        { type: 'front', tab: tab(1, 'https://example-bank.com/login') },
        { type: 'front', tab: tab(2, 'https://secure.example-bank.com/accounts') },
        { type: 'front', tab: tab(3, 'https://notexample-bank.com/') },
        { type: 'tick' },
      ],
      prefs,
    );
    expect(spans).toEqual([['notexample-bank.com', 120, 180]]);
  });

  it('prefills mail and banking exclusions', () => {
    const { spans } = run([{ type: 'front', tab: tab(1, 'https://mail.google.com/mail/u/0/') }, { type: 'front', tab: tab(2, 'https://outlook.office.com/mail') }, { type: 'tick' }]);
    expect(spans).toEqual([]);
  });

  it.each([
    ['a private window', tab(1, 'https://github.com/', 'Secret', true)],
    ['a file', tab(1, 'file:///home/ada/notes.txt')],
    ["Chrome's view of the extension's own page", tab(1, 'chrome-extension://abcdef/options.html')],
    ["Firefox's view of the extension's own page", tab(1, 'moz-extension://1234-5678/options.html')],
    ['a browser page', tab(1, 'chrome://settings/')],
    ['a URL with a user name and password', tab(1, 'https://ada:secret@intranet.example.com/')],
    ['a URL with a user name', tab(1, 'https://ada@intranet.example.com/')],
    ['a tab whose address the browser does not tell (no tabs permission)', { tabId: 1, incognito: false }],
  ])('never records %s', (_what, front) => {
    const { closed, state } = run([{ type: 'front', tab: front }, { type: 'tick' }, { type: 'front', tab: null }]);
    expect(closed).toEqual([]);
    expect(state.open).toBeNull();
  });

  it('keeps no title anywhere while titles are off, and a span per title while they are on', () => {
    const events: RecorderEvent[] = [
      { type: 'front', tab: tab(1, 'https://github.com/a', 'Issue 1 · Private repo') },
      { type: 'updated', tab: tab(1, 'https://github.com/b', 'Issue 2 · Private repo') },
      { type: 'tick' },
    ];
    const off = run(events);
    expect(off.spans).toEqual([['github.com', 0, 120]]);
    expect(JSON.stringify(off)).not.toContain('Private repo');

    const on = run(events, WITH_TITLES);
    expect(on.closed.map((span) => [span.title, span.start / S, span.end / S])).toEqual([
      ['Issue 1 · Private repo', 0, 60],
      ['Issue 2 · Private repo', 60, 120],
    ]);
  });

  it('closes the open span when recording is switched off, and records nothing after', () => {
    const { spans, state } = run(
      [{ type: 'front', tab: tab(1, 'https://github.com/') }, { type: 'settings' }, { type: 'front', tab: tab(2, 'https://linear.app/') }],
      (i) => (i === 0 ? ON : { ...ON, enabled: false }),
    );
    expect(spans).toEqual([['github.com', 0, 60]]);
    expect(state.open).toBeNull();
  });

  it('closes the span when the site is excluded while it is open', () => {
    const { spans } = run([{ type: 'front', tab: tab(1, 'https://github.com/') }, { type: 'settings' }], (i) => (i === 0 ? ON : { ...ON, excluded: ['github.com'] }));
    expect(spans).toEqual([['github.com', 0, 60]]);
  });

  it('records nothing while signed out, and closes a span under the account it was opened for', () => {
    const { closed, state } = run([{ type: 'front', tab: tab(1, 'https://github.com/') }, { type: 'account', accountKey: null }, { type: 'tick' }]);
    expect(closed).toEqual([expect.objectContaining({ domain: 'github.com', accountKey: ACCOUNT, end: 60 * S })]);
    expect(state.open).toBeNull();
  });

  it('never lets a span run on through a long silence (the browser closed, the machine asleep)', () => {
    const { spans } = run([
      [0, { type: 'front', tab: tab(1, 'https://github.com/') }],
      [3 * 60 * 60 * S, { type: 'front', tab: tab(1, 'https://github.com/') }],
    ]);
    expect(spans).toEqual([['github.com', 0, MAX_SILENCE_MS / S]]);
  });

  it('cuts the open span on each check, so what is done so far can be sent', () => {
    const { spans, state } = run([{ type: 'front', tab: tab(1, 'https://github.com/') }, { type: 'tick' }, { type: 'tick' }]);
    expect(spans).toEqual([
      ['github.com', 0, 60],
      ['github.com', 60, 120],
    ]);
    expect(state.open).toMatchObject({ domain: 'github.com', start: 120 * S });
  });
});
