import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Integration, IssueFields } from '@/lib/integrations/define';
import { defaultNote } from '@/lib/integrations/note';
import { startIntegrations } from '@/lib/integrations/start';
import { publishPageState } from '@/lib/storage/publish-page-state';
import { runningTimer, timerKey, type IssueRef } from '@/lib/storage/timer';
import { trackersOn } from '@/lib/storage/trackers-on';
import { buttonOf, fakeMessenger, freshCopy, hosts, nameOf, onlyHost, openPage, settle, timerFor, userClick } from './helpers';

/** One view of a tracker (an issue page, a side panel…) as the shared tests need to know it. */
export interface ViewSpec {
  integration: Integration;
  view: string;
  fixture: string;
  url: string;
  /** What the integration must read from the view. */
  issue: IssueFields;
  /** The note the issue gets by default, spelled out. */
  note: string;
  /** The element the site re-renders: it holds the anchor's parent, so the button lives inside it. */
  container: string;
  /** The element whose text is the title (the site may change it after load). */
  title: string;
  /**
   * How the tests rename the issue, where setting `title`'s text would not do: a page whose title
   * element also carries the key (PagerDuty's `[#1234] Title - PagerDuty` document title).
   */
  retitle?(text: string): void;
  /** Whether the integration counts the URL as an issue page (reports say so); true unless said otherwise. */
  issuePage?: boolean;
  /**
   * A view that is another view's page with a change (the site rendering a part differently): made
   * to the page before each test and to each fresh copy of the container the tests put in.
   */
  tweak?(root: Document | Element): void;
  /** Client-side navigation to another issue: its URL, how a fresh copy of the container changes, what is read then. */
  next: { url: string; swap(container: Element): void; issue: Pick<IssueFields, 'externalId' | 'key' | 'title'> };
}

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The tests every view of every tracker must pass. */
export function describeView(spec: ViewSpec): void {
  const { integration } = spec;
  const expected: IssueRef = { integration: integration.id, ...spec.issue };

  describe(`${integration.name}, ${spec.view}`, () => {
    let messenger: ReturnType<typeof fakeMessenger>;
    let stop: () => void;
    let unpublish: () => void;

    beforeEach(async () => {
      fakeBrowser.reset();
      // A tracker with optional hosts runs where the user switched it on.
      if (integration.optionalHosts) await trackersOn.setValue([integration.id]);
      // The background publishes what buttons may know; the suite changes the trusted state behind it.
      unpublish = publishPageState();
      messenger = fakeMessenger();
      openPage(spec.fixture, spec.url);
      spec.tweak?.(document);
      stop = startIntegrations([integration], { messenger });
      await settle();
    });
    afterEach(() => {
      stop();
      unpublish();
    });

    const freshContainer = () => {
      const fresh = freshCopy(spec.fixture, spec.container);
      spec.tweak?.(fresh);
      return fresh;
    };
    const press = async () => {
      userClick(buttonOf(onlyHost()));
      await settle();
    };
    const setTitle = (text: string) => {
      if (spec.retitle) return spec.retitle(text);
      const title = document.querySelector(spec.title);
      if (!title) throw new Error(`no ${spec.title} in ${spec.fixture}`);
      // Some trackers show the title in a form field (Azure DevOps, Asana, Trello).
      if (title instanceof HTMLInputElement || title instanceof HTMLTextAreaElement) title.value = text;
      else title.textContent = text;
    };

    it('places exactly one Start timer button, keyed by the external id', () => {
      const host = onlyHost();
      expect(host.dataset).toMatchObject({ integration: integration.id, externalId: spec.issue.externalId });
      expect(host.shadowRoot?.mode).toBe('open');
      const button = buttonOf(host);
      expect(nameOf(button)).toBe('Start timer');
      expect(button.getAttribute('aria-pressed')).toBe('false');
      expect(document.querySelector(spec.container)?.contains(host)).toBe(true);
    });

    it('starts from the issue as TimeCamp knows it, with the default note', async () => {
      await press();
      expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith(expected);
      expect(defaultNote(expected)).toBe(spec.note);
    });

    it('reads the page again at click time', async () => {
      setTitle('Renamed after the page loaded');
      await settle();
      await press();
      expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith({ ...expected, title: 'Renamed after the page loaded' });
    });

    it('reports the page with the issue it found', () => {
      expect(messenger.reportPage).toHaveBeenCalledExactlyOnceWith({
        integration: integration.id,
        url: spec.url,
        issuePage: spec.issuePage ?? true,
        externalIds: [spec.issue.externalId],
      });
    });

    it('keeps one button, the same one, when the site re-renders the anchor', async () => {
      const before = onlyHost();
      document.querySelector(spec.container)!.replaceWith(freshContainer());
      await settle();
      const host = onlyHost();
      expect(host).toBe(before);
      expect(host.dataset.externalId).toBe(spec.issue.externalId);
      expect(document.querySelector(spec.container)!.contains(host)).toBe(true);
    });

    it('follows client-side navigation to another issue', async () => {
      history.pushState(null, '', spec.next.url);
      const fresh = freshContainer();
      spec.next.swap(fresh);
      document.querySelector(spec.container)!.replaceWith(fresh);
      await settle();
      expect(onlyHost().dataset.externalId).toBe(spec.next.issue.externalId);
      await press();
      expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith(expect.objectContaining(spec.next.issue));
    });

    it('removes the button when its anchor goes', async () => {
      document.querySelector(spec.container)!.remove();
      await settle();
      expect(hosts()).toEqual([]);
    });

    it('sends a hostile title as text, and none of it becomes markup in the page', async () => {
      messenger.startFromIssue.mockResolvedValue({ outcome: 'needs-task', picker: 'session-1' });
      setTitle(HOSTILE);
      await settle();
      await press();
      expect(messenger.startFromIssue).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ title: HOSTILE }));
      // The picker opened; it shows the title from its own frame (tests/in-page/issue-picker.test.tsx).
      expect(onlyHost().shadowRoot!.querySelector('[role=dialog]')).not.toBeNull();
      expect(onlyHost().shadowRoot!.querySelector('img')).toBeNull();
      expect(document.querySelector('img[src=x]')).toBeNull();
    });

    it('ignores clicks the page makes', async () => {
      const button = buttonOf(onlyHost());
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await settle();
      expect(messenger.startFromIssue).not.toHaveBeenCalled();
    });

    it('turns into Stop timer while this issue’s timer runs, and stops it', async () => {
      await runningTimer.setValue(timerFor('someone_else#1'));
      await settle();
      expect(nameOf(buttonOf(onlyHost()))).toBe('Start timer');

      await runningTimer.setValue(timerFor(spec.issue.externalId));
      await settle();
      const button = buttonOf(onlyHost());
      expect(nameOf(button)).toBe('Stop timer');
      expect(button.getAttribute('aria-pressed')).toBe('true');

      await press();
      // The Stop names the timer it showed: the background stops no other.
      expect(messenger.stopTimer).toHaveBeenCalledExactlyOnceWith({ timer: timerKey(timerFor(spec.issue.externalId)) });
      expect(messenger.startFromIssue).not.toHaveBeenCalled();

      await runningTimer.setValue(null);
      await settle();
      expect(nameOf(button)).toBe('Start timer');
      expect(button.getAttribute('aria-pressed')).toBe('false');
    });
  });
}

/** Pages of a tracker that show no issue: no button, and a report that says so. */
export function describePagesWithoutIssue(integration: Integration, pages: Array<{ view: string; fixture: string; url: string }>): void {
  describe(`${integration.name}, pages without an issue`, () => {
    it.each(pages)('$view gets no button', async ({ fixture, url }) => {
      fakeBrowser.reset();
      const messenger = fakeMessenger();
      openPage(fixture, url);
      const stop = startIntegrations([integration], { messenger });
      await settle();
      expect(hosts()).toEqual([]);
      expect(messenger.reportPage).toHaveBeenCalledExactlyOnceWith({ integration: integration.id, url, issuePage: false, externalIds: [] });
      stop();
    });
  });
}
