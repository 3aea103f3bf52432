// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DayView } from '@/components/day/DayView';
import { Options } from '@/components/Options';
import { Popup } from '@/components/Popup';
import { today } from '@/lib/entries/today';
import { INTEGRATION_NAMES } from '@/lib/integrations/catalog';
import { defineIntegration } from '@/lib/integrations/define';
import { startIntegrations } from '@/lib/integrations/start';
import { account } from '@/lib/storage/account';
import { runningTimer } from '@/lib/storage/timer';
import { taskCache } from '@/lib/tasks/cache';
import { getMessage } from '../setup/english-catalogue';
import { buttonOf, fakeMessenger, onlyHost, settle, userClick } from '../integrations/helpers';
import { act } from 'preact/test-utils';
import { ACCOUNT, ACCOUNT_KEY, day, entry, mount, RUNNING, TREE, until, usePopupTestBrowser } from '../popup/harness';
import { dayData, dayEntry, h } from '../day/harness';

// Pseudo-localisation: every message of the catalogue is shown wrapped in ⟦…⟧. Whatever a view
// shows outside the brackets is either the user's own data (names, notes, times) or text written
// into the code, which a Polish user would see in English. The latter must not exist.

/** The English message, marked as the catalogue's. */
function pseudoMessage(name: string, substitutions?: string | string[]): string {
  const message = getMessage(name, substitutions);
  return message && `⟦${message}⟧`;
}

/** The user's own words the views show as they are. */
const DATA = [
  ...TREE.map((node) => node.name),
  ACCOUNT.user.displayName,
  ACCOUNT.user.email,
  ACCOUNT.baseUrl,
  RUNNING.note,
  RUNNING.source!.title,
  'Standup',
  'Export fails',
  'TimeCamp',
  // Sites in the day view's activity.
  'github.com',
  // Names of products, the same in every language.
  ...Object.values(INTEGRATION_NAMES),
  'GitHub Enterprise',
  'Azure DevOps Server',
  // What the browser words in the UI language (Polish here): weekday names.
  ...[0, 1, 2, 3, 4, 5, 6].map((day) => new Intl.DateTimeFormat('pl', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day))),
];

/** Examples of code the forms show as they are: host names, path patterns, selectors. */
const CODE = /^[\w.^$\\/+*?()[\]-]*[./^\\][\w.^$\\/+*?()[\] -]*$/;

/** Every text and every text-bearing attribute under `root`, open shadow roots included. */
function shownTexts(root: Node): string[] {
  const texts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
    if (node instanceof Element) {
      if (['STYLE', 'SCRIPT'].includes(node.tagName)) return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const value = node.getAttribute(name);
        if (value) texts.push(value);
      }
      if (node instanceof HTMLInputElement && ['button', 'submit'].includes(node.type)) texts.push(node.value);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return texts;
}

/** What is left of the texts once messages and data are taken out: words written into the code. */
function untranslated(root: Node): string[] {
  return shownTexts(root)
    .map((text) => {
      let rest = text.replace(/⟦[^⟧]*⟧/g, ' ');
      // Longest first: `GitHub Enterprise` before `GitHub`.
      for (const data of [...DATA].sort((a, b) => b.length - a.length)) rest = rest.split(data).join(' ');
      return rest.trim();
    })
    .filter((rest) => /\p{L}{2,}/u.test(rest) && !CODE.test(rest));
}

const background = usePopupTestBrowser();

describe('every string a user sees comes from the catalogue', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(pseudoMessage as never);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('pl');
  });

  async function signedIn() {
    await account.setValue(ACCOUNT);
    await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
    await today.setValue(day([entry({ id: 1, taskId: 6, taskName: 'Meetings', note: 'Standup', startTime: '09:00:00', endTime: '09:15:00', durationSeconds: 900 })]));
  }

  it('in the popup, signed out', async () => {
    const popup = mount(<Popup />);
    await until(() => expect(popup.querySelector('#api-token')).not.toBeNull());
    expect(untranslated(popup)).toEqual([]);
  });

  it('in the popup, with a timer running and the day listed', async () => {
    await signedIn();
    await runningTimer.setValue(RUNNING);
    background.answer('syncNow', () => undefined);
    const popup = mount(<Popup />);
    await until(() => expect(popup.textContent).toContain('Standup'));
    expect(untranslated(popup)).toEqual([]);
  });

  it('on the options page, signed in', async () => {
    await signedIn();
    const page = mount(<Options />);
    await until(() => expect(page.textContent).toContain(ACCOUNT.user.displayName));
    expect(untranslated(page)).toEqual([]);
  });

  it('on the day view, with entries, presence, activity and a gap turned into an entry', async () => {
    await signedIn();
    background.answer('loadDay', () =>
      dayData({
        // Long enough for the task's name to be written in full on its block.
        entries: [
          dayEntry({ id: 1, note: 'Standup', start: h(8), end: h(11) }),
          dayEntry({ id: -1, waitingId: 'a', start: h(11), end: h(11.5), locked: true }),
          dayEntry({ id: 2, taskId: null, taskName: '', start: h(13), end: h(16) }),
        ],
        attendance: { start: h(8), end: h(17), workedSeconds: h(8) },
        away: [{ start: h(12), end: h(12.5), description: '' }],
        activity: [{ start: h(9), end: h(9.5), site: 'github.com' }],
        unavailable: ['activity'],
      }),
    );
    const page = mount(<DayView initialDate="2026-11-30" />);
    const gap = await until(() => {
      const found = page.querySelector('.gap rect');
      expect(found).not.toBeNull();
      return found!;
    });
    act(() => {
      gap.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await until(() => expect(page.querySelector('form')).not.toBeNull());
    expect(untranslated(page)).toEqual([]);
  });
});

describe('every string of the in-page button comes from the catalogue', () => {
  const tracker = defineIntegration(
    { id: 'test', name: 'Test', matches: [], selfHosted: true },
    {
      issuePages: /^\/i\/\d+/,
      places: [{ name: 'issue', anchor: '#issue', position: 'inside', read: () => ({ externalId: 'test_issue_7', key: '#7', title: 'Export fails', url: 'https://tracker.test/i/7' }) }],
    },
  );
  let stop: () => void = () => undefined;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(pseudoMessage as never);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://tracker.test/i/7');
    document.body.innerHTML = '<div id="issue"></div>';
  });
  afterEach(() => {
    stop();
    vi.restoreAllMocks();
  });

  it('the button, its tracked time, and what it says to a user who is not signed in', async () => {
    const messenger = fakeMessenger();
    messenger.startFromIssue.mockResolvedValue({ outcome: 'signed-out' });
    stop = startIntegrations([tracker], { messenger, settings: { getValue: async () => null, watch: () => () => undefined }, trackedOn: async () => 5400 } as never);
    await settle();
    userClick(buttonOf(onlyHost()));
    await settle();
    expect(onlyHost().shadowRoot!.querySelector('[role=dialog]')).not.toBeNull();
    expect(untranslated(onlyHost())).toEqual([]);
  });
});
