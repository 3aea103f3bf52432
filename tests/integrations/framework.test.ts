// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SITES } from '@/lib/integrations/catalog';
import { defineIntegration, type Integration, type IssueFields, type Place } from '@/lib/integrations/define';
import { startIntegrations } from '@/lib/integrations/start';
import { DEFAULT_SETTINGS, settings } from '@/lib/storage/settings';
import { issueTime } from '@/lib/tasks/issue-time';
import { pageState, publishPageState } from '@/lib/storage/publish-page-state';
import { runningTimer, type IssueRef } from '@/lib/storage/timer';
import { buttonOf, fakeMessenger, hosts, nameOf, onlyHost, settle, timerFor, userClick, userKey } from './helpers';

// A tracker made up for the framework's own tests: `<div class="issue" data-id="7"><h1>Title</h1>
// <div class="bar"></div></div>`, the button prepended to `.bar`, the id from the markup.
const readIssue = vi.fn((anchor: Element): IssueFields | null => {
  const issue = anchor.closest('.issue');
  const id = issue?.getAttribute('data-id');
  if (!id) return null;
  return { externalId: `test_issue_${id}`, key: `#${id}`, title: issue!.querySelector('h1')?.textContent ?? '', url: `https://tracker.test/i/${id}` };
});
const place: Place = { name: 'issue', anchor: '.issue .bar', position: 'prepend', read: readIssue };
const tracker = defineIntegration({ id: 'test', name: 'Test', matches: [], selfHosted: true }, { issuePages: /^\/i\/\d+/, places: [place] });

const issueMarkup = (id: string, title = `Issue ${id}`) => {
  const issue = document.createElement('div');
  issue.className = 'issue';
  issue.dataset.id = id;
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const bar = document.createElement('div');
  bar.className = 'bar';
  issue.append(h1, bar);
  return issue;
};
const goTo = (path: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://tracker.test${path}`);

let messenger: ReturnType<typeof fakeMessenger>;
let stops: Array<() => void> = [];
const start = (integrations: Integration[] = [tracker], options: { reportAfterMs?: number } = {}) => {
  const stop = startIntegrations(integrations, { messenger, ...options });
  stops.push(stop);
  return stop;
};

let unpublish: () => void = () => undefined;

/** The user switches integrations off on the options page; the background publishes it to the pages. */
const OFF_UNTIL_ON = SITES.filter((site) => site.optionalHosts).map((site) => site.id);

async function switchedOff(disabledIntegrations: string[]): Promise<void> {
  await settings.setValue({ ...DEFAULT_SETTINGS, disabledIntegrations });
  // The trackers with optional hosts, none switched on here, are off too.
  await vi.waitFor(async () => expect((await pageState.getValue()).disabledIntegrations).toEqual([...disabledIntegrations, ...OFF_UNTIL_ON]));
}
beforeEach(() => {
  fakeBrowser.reset();
  // The background publishes what buttons may know; these tests change the trusted state behind it.
  unpublish = publishPageState();
  messenger = fakeMessenger();
  readIssue.mockClear();
  goTo('/i/7');
  document.body.replaceChildren();
});
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  unpublish();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('placing buttons', () => {
  it('runs one MutationObserver per page, however many integrations', async () => {
    const Original = window.MutationObserver;
    let made = 0;
    window.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        made++;
      }
    };
    try {
      start([tracker, { ...tracker, id: 'other' }]);
      await settle();
      expect(made).toBe(1);
    } finally {
      window.MutationObserver = Original;
    }
  });

  it('handles a burst of mutations in one batch that looks only at what was added', async () => {
    document.body.append(issueMarkup('7'));
    start();
    await settle();
    expect(hosts()).toHaveLength(1);
    readIssue.mockClear();
    const wholePage = vi.spyOn(document, 'querySelectorAll');

    for (let i = 0; i < 200; i++) document.body.append(document.createElement('p'));
    document.body.append(issueMarkup('8'));
    await settle();

    expect(readIssue).toHaveBeenCalledOnce(); // the one new anchor, read once
    expect(wholePage).not.toHaveBeenCalled(); // no rescan of the page
    expect(hosts().map((host) => host.dataset.externalId)).toEqual(['test_issue_7', 'test_issue_8']);
  });

  it('puts one button on an issue shown twice, and keeps it while one copy stays', async () => {
    const first = issueMarkup('7');
    const copy = issueMarkup('7');
    document.body.append(first, copy);
    start();
    await settle();
    const host = onlyHost();
    expect(first.contains(host)).toBe(true);

    first.remove();
    await settle();
    expect(onlyHost()).toBe(host);
    expect(copy.contains(host)).toBe(true);
  });

  it('puts the button back when the site drops it but keeps the anchor', async () => {
    document.body.append(issueMarkup('7'));
    start();
    await settle();
    const host = onlyHost();
    document.querySelector('.bar')!.replaceChildren();
    await settle();
    expect(onlyHost()).toBe(host);
    expect(document.querySelector('.bar')!.firstChild).toBe(host);
  });

  it('takes a list of anchors in order: a fallback that holds the first gets the button only without it', async () => {
    // `.issue` holds `.bar`, so it comes first in the page: a selector list could not rank them.
    const withFallback: Integration = { ...tracker, places: [{ ...place, anchor: ['.issue .bar', '.issue'] }] };
    const issue = issueMarkup('7');
    document.body.append(issue);
    start([withFallback]);
    await settle();
    expect(onlyHost().parentElement).toBe(issue.querySelector('.bar'));

    const host = onlyHost();
    issue.querySelector('.bar')!.remove(); // the site drops the first anchor, and keeps the issue
    await settle();
    expect(onlyHost()).toBe(host);
    expect(host.parentElement).toBe(issue);

    const withoutBar = issueMarkup('8');
    withoutBar.querySelector('.bar')!.remove();
    document.body.append(withoutBar);
    await settle();
    expect(hosts().map((h) => [h.dataset.externalId, h.parentElement])).toEqual([
      ['test_issue_7', issue],
      ['test_issue_8', withoutBar],
    ]);
  });

  it('waits for an anchor that shows no issue yet', async () => {
    const issue = issueMarkup('7');
    issue.removeAttribute('data-id');
    document.body.append(issue);
    start();
    await settle();
    expect(hosts()).toEqual([]);

    issue.dataset.id = '7';
    issue.querySelector('h1')!.append(document.createElement('span')); // the site renders on
    await settle();
    expect(onlyHost().dataset.externalId).toBe('test_issue_7');
  });

  it('keeps a failing integration to itself', async () => {
    const badSelector: Integration = { ...tracker, id: 'bad-selector', places: [{ ...place, anchor: '.bar:::nope' }] };
    const throwing: Integration = {
      ...tracker,
      id: 'throwing',
      places: [{ ...place, read: () => { throw new TypeError("Cannot read properties of null (reading 'textContent')"); } }],
    };
    document.body.append(issueMarkup('7'));
    start([badSelector, throwing, tracker]);
    await settle();
    document.body.append(issueMarkup('8'));
    await settle();
    expect(hosts().map((host) => host.dataset.integration)).toEqual(['test', 'test']);
  });

  it('clips what a page says to the lengths the background accepts', async () => {
    const long: Integration = {
      ...tracker,
      places: [{ ...place, read: () => ({ externalId: `test_issue_${'x'.repeat(600)}`, key: 'k'.repeat(300), title: 't'.repeat(1500), url: 'https://tracker.test/i/7', project: 'p'.repeat(400) }) }],
    };
    document.body.append(issueMarkup('7'));
    start([long]);
    await settle();
    userClick(buttonOf(onlyHost()));
    await settle();
    const [[issue]] = messenger.startFromIssue.mock.calls as [[IssueRef]];
    expect([issue.externalId.length, issue.key.length, issue.title.length, issue.project?.length]).toEqual([512, 200, 1000, 300]);
  });

  it('only uses places whose URL test passes', async () => {
    const gated: Integration = { ...tracker, places: [{ ...place, url: /^\/i\/\d+$/ }] };
    goTo('/boards/1');
    document.body.append(issueMarkup('7'));
    start([gated]);
    await settle();
    expect(hosts()).toEqual([]);
  });

  it('tests URLs on path and query, and on the hash too for an app that routes in it', async () => {
    const gated: Integration = { ...tracker, places: [{ ...place, url: /^\/app\?a=1#\/i\/\d+$/ }] };
    goTo('/app?a=1#/i/7');
    document.body.append(issueMarkup('7'));
    start([gated]);
    await settle();
    expect(hosts()).toEqual([]);

    start([{ ...gated, id: 'routed', hashRoutes: true }]);
    await settle();
    expect(hosts().map((host) => host.dataset.integration)).toEqual(['routed']);
  });

  it('takes everything away when stopped, and stops watching', async () => {
    document.body.append(issueMarkup('7'));
    const stop = start();
    await settle();
    stop();
    expect(hosts()).toEqual([]);
    document.body.append(issueMarkup('8'));
    await settle();
    expect(hosts()).toEqual([]);
  });
});

describe('what the user and the background ask for', () => {
  it('places nothing for an integration the user switched off, and follows the switch', async () => {
    await switchedOff(['test']);
    document.body.append(issueMarkup('7'));
    start();
    await settle();
    expect(hosts()).toEqual([]);
    expect(messenger.reportPage).not.toHaveBeenCalled();

    await switchedOff([]);
    await settle();
    expect(onlyHost().dataset.externalId).toBe('test_issue_7');

    await switchedOff(['jira', 'test']);
    await settle();
    expect(hosts()).toEqual([]);
  });

  it('keeps its buttons when settings change in ways that do not concern them', async () => {
    document.body.append(issueMarkup('7'));
    start();
    await settle();
    const host = onlyHost();
    await settings.setValue({ ...DEFAULT_SETTINGS, disabledIntegrations: ['jira'] });
    await settle();
    expect(onlyHost()).toBe(host);
  });

  it('tells the background which issue the page shows now, or none', async () => {
    document.body.append(issueMarkup('7', 'Export fails'));
    start();
    await settle();
    document.querySelector('.issue h1')!.textContent = 'Export fails for large files';
    expect(messenger.askIssue()).toEqual({
      integration: 'test',
      externalId: 'test_issue_7',
      key: '#7',
      title: 'Export fails for large files',
      url: 'https://tracker.test/i/7',
    });
    document.querySelector('.issue')!.remove();
    await settle();
    expect(messenger.askIssue()).toBeNull();
  });
});

describe('client-side navigation', () => {
  // The id comes from the URL only, as on GitHub: the DOM may not change at all.
  const byUrl: Integration = {
    ...tracker,
    places: [{ ...place, url: /^\/i\/\d+/, read: (_, page) => ({ externalId: `test_issue_${page.pathname.split('/')[2]}`, key: '', title: '', url: page.href }) }],
  };

  it('hears the Navigation API where the browser has it', async () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    try {
      document.body.append(issueMarkup('7'));
      start([byUrl]);
      await settle();
      history.pushState(null, '', '/i/8');
      navigation.dispatchEvent(new Event('currententrychange'));
      await settle();
      expect(onlyHost().dataset.externalId).toBe('test_issue_8');

      history.pushState(null, '', '/settings');
      navigation.dispatchEvent(new Event('currententrychange'));
      await settle();
      expect(hosts()).toEqual([]);
    } finally {
      delete (window as { navigation?: unknown }).navigation;
    }
  });

  it('hears popstate (back and forward) without it', async () => {
    document.body.append(issueMarkup('7'));
    start([byUrl]);
    await settle();
    history.pushState(null, '', '/i/9');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(onlyHost().dataset.externalId).toBe('test_issue_9');
  });

  it('notices a pushState through the next mutation batch', async () => {
    document.body.append(issueMarkup('7'));
    start([byUrl]);
    await settle();
    history.pushState(null, '', '/i/10');
    document.body.append(document.createElement('p'));
    await settle();
    expect(onlyHost().dataset.externalId).toBe('test_issue_10');
  });
});

describe('the button', () => {
  const shadow = () => onlyHost().shadowRoot!;
  const dialog = () => shadow().querySelector<HTMLElement>('[role=dialog]');
  const press = async () => {
    userClick(buttonOf(onlyHost()));
    await settle();
  };
  beforeEach(async () => {
    document.body.append(issueMarkup('7', 'Export fails'));
    start();
    await settle();
  });

  it('isolates its styles: all: initial on the host, its own stylesheet in the shadow root, shared by every button', async () => {
    expect(onlyHost().style.getPropertyValue('all')).toBe('initial');
    const sheets = (root: ShadowRoot) => [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((style) => style.textContent)];
    const [sheet] = sheets(shadow());
    expect(sheet instanceof CSSStyleSheet ? [...sheet.cssRules].map((rule) => rule.cssText).join('') : sheet).toMatch(/\.b\s*\{/);

    document.body.append(issueMarkup('8'));
    await settle();
    // Parsed once: the second button adopts the same sheet (or, where adopting is refused, has its own copy).
    const [second] = sheets(hosts()[1]!.shadowRoot!);
    expect(second === sheet || typeof second === 'string').toBe(true);
  });

  it('keeps keys and clicks meant for it away from the page', async () => {
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    document.addEventListener('click', pageHeard);
    userKey(buttonOf(onlyHost()), 'c');
    await press();
    expect(pageHeard).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageHeard);
    document.removeEventListener('click', pageHeard);
  });

  it('shows the time tracked on the issue, compactly, only when there is some', async () => {
    const tracked = shadow().querySelector<HTMLElement>('.t')!;
    expect(tracked.hidden).toBe(true);

    await issueTime.setValue({ test_issue_8: { taskId: 8, todaySeconds: 600, totalSeconds: 5100, day: '2026-11-28', fetchedAt: 1 } });
    document.body.append(issueMarkup('8'));
    await settle();
    const second = hosts()[1]!.shadowRoot!.querySelector<HTMLElement>('.t')!;
    expect(second.hidden).toBe(false);
    expect(second.textContent).toBe('1:25');
    expect(tracked.hidden).toBe(true);
  });

  it('shows new tracked time as soon as the background has it', async () => {
    await issueTime.setValue({ test_issue_7: { taskId: 7, todaySeconds: 60, totalSeconds: 3600, day: '2026-11-28', fetchedAt: 1 } });
    await settle();
    expect(shadow().querySelector('.t')?.textContent).toBe('1:00');
  });

  it('runs for a timer on the task linked to the issue, too', async () => {
    await runningTimer.setValue(timerFor('x', { source: null, externalTaskId: 'test_issue_7' }));
    await settle();
    expect(nameOf(buttonOf(onlyHost()))).toBe('Stop timer');
  });

  it('starts once however fast it is pressed', async () => {
    let answer: (value: { outcome: 'signed-out' }) => void = () => undefined;
    messenger.startFromIssue.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const button = buttonOf(onlyHost());
    userClick(button);
    userClick(button);
    await settle();
    expect(button.getAttribute('aria-busy')).toBe('true');
    answer({ outcome: 'signed-out' });
    await settle();
    expect(messenger.startFromIssue).toHaveBeenCalledOnce();
    expect(button.hasAttribute('aria-busy')).toBe(false);
  });

  it('says how to sign in when nobody is', async () => {
    messenger.startFromIssue.mockResolvedValue({ outcome: 'signed-out' });
    await press();
    expect(dialog()?.textContent).toContain('Sign in to TimeCamp first: click the TimeCamp Tracker icon in your browser toolbar');
  });

  it('says what went wrong when the background does not answer', async () => {
    messenger.startFromIssue.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await press();
    expect(dialog()?.textContent).toContain('The timer did not start: Could not establish connection.');
  });

  // The picker itself is an extension page in a frame: tests/integrations/picker-frame.test.ts
  // (the frame by the button) and tests/in-page/issue-picker.test.tsx (the page in it).
  describe('task picker', () => {
    beforeEach(async () => {
      messenger.startFromIssue.mockResolvedValue({ outcome: 'needs-task', picker: 'session-1' });
      await press();
    });

    it('opens by the button when the background needs a task picked', () => {
      expect(dialog()?.getAttribute('aria-label')).toBe('Start a TimeCamp timer');
      expect(messenger.startFromIssue).toHaveBeenCalledOnce();
    });

    it('closes with Escape and gives the focus back to the button', () => {
      userKey(dialog()!, 'Escape');
      expect(dialog()).toBeNull();
      expect(shadow().activeElement).toBe(buttonOf(onlyHost()));
    });

    it('closes on a second press instead of asking again', async () => {
      await press();
      expect(dialog()).toBeNull();
      expect(messenger.startFromIssue).toHaveBeenCalledOnce();
    });

    it('goes away with its issue', async () => {
      document.querySelector('.issue')!.remove();
      await settle();
      expect(hosts()).toEqual([]);
    });
  });
});

describe('page reports', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  it('reports an issue page as soon as its button is placed', async () => {
    start([tracker], { reportAfterMs: 3000 });
    expect(messenger.reportPage).not.toHaveBeenCalled();
    document.body.append(issueMarkup('7')); // the site renders late
    await settle();
    expect(messenger.reportPage).toHaveBeenCalledExactlyOnceWith({ integration: 'test', url: 'https://tracker.test/i/7', issuePage: true, externalIds: ['test_issue_7'] });
    vi.advanceTimersByTime(3000);
    expect(messenger.reportPage).toHaveBeenCalledOnce();
  });

  it('reports an issue page that shows no place for a button after a while, and again once it does', async () => {
    start([tracker], { reportAfterMs: 3000 });
    await settle();
    vi.advanceTimersByTime(2999);
    expect(messenger.reportPage).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(messenger.reportPage).toHaveBeenCalledExactlyOnceWith({ integration: 'test', url: 'https://tracker.test/i/7', issuePage: true, externalIds: [] });

    document.body.append(issueMarkup('7'));
    await settle();
    expect(messenger.reportPage).toHaveBeenLastCalledWith(expect.objectContaining({ externalIds: ['test_issue_7'] }));
    expect(messenger.reportPage).toHaveBeenCalledTimes(2);
  });

  it('reports a page without an issue at once, and each page navigated to', async () => {
    goTo('/boards/1');
    start([tracker], { reportAfterMs: 3000 });
    await settle();
    expect(messenger.reportPage).toHaveBeenCalledExactlyOnceWith({ integration: 'test', url: 'https://tracker.test/boards/1', issuePage: false, externalIds: [] });

    history.pushState(null, '', '/i/7');
    document.body.append(issueMarkup('7'));
    await settle();
    expect(messenger.reportPage).toHaveBeenLastCalledWith({ integration: 'test', url: 'https://tracker.test/i/7', issuePage: true, externalIds: ['test_issue_7'] });
  });

  it('never lets a failed report reach the page', async () => {
    messenger.reportPage.mockRejectedValue(new Error('refused'));
    document.body.append(issueMarkup('7'));
    start();
    await settle();
    expect(onlyHost()).toBeDefined();
  });
});
