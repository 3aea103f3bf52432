import { browser } from 'wxt/browser';
import { createTimerButton } from '@/components/in-page/timer-button';
import { messageOf } from '@/components/in-page/dom';
import { t } from '@/lib/i18n';
import type { PageTimer } from '@/lib/storage/page-state';
import type { IssueRef } from '@/lib/storage/timer';
import type { EventTime } from './event-time';
import type { IssuePress } from '@/lib/messaging/protocol';
import type { Messenger } from './messenger';


/** The name a Stop gives the timer the button shows (`timerKey`): the background stops no other. */
const keyOf = (timer: PageTimer): string => timer.key;

/**
 * The picker page. Chrome hands content scripts its dynamic address (an origin made up per
 * browser session, which pages cannot guess or load themselves); the document it shows still has
 * the extension's own origin, and so do its messages. A press hands it its session over the port.
 */
const pickerPage = () => ({
  url: browser.runtime.getURL('/picker.html'),
  origin: new URL(browser.runtime.getURL('/')).origin,
});

/** Whether `timer` is this issue's: started from it, or on the task linked to it. */
export function runsFor(timer: PageTimer | null, externalId: string): boolean {
  return !!timer && (timer.source?.externalId === externalId || timer.externalTaskId === externalId);
}

export interface IssueButton {
  host: HTMLElement;
  /** Draws the running state again, e.g. after the running timer changed. */
  render(): void;
  /** Reads the time tracked on the issue again, e.g. after the background's cache changed. */
  loadTime(): Promise<void>;
  destroy(): void;
}

export interface IssueButtonDeps {
  messenger: Messenger;
  /** The running timer as storage last said. */
  running(): PageTimer | null;
  /** Seconds tracked on an issue, from the background's cache. */
  trackedOn(externalId: string): Promise<number>;
}

/**
 * The behaviour of one issue's button. A press stops this issue's running timer (that timer
 * only: it names it), or starts one from the issue as the page shows it now; when the background
 * needs a task it opens the task picker (a frame of the extension, fetching the session the
 * background opened for this press), when nobody is signed in it says how to sign in. The
 * running state comes from storage, never from the press, so every tab flips together.
 */
export function createIssueButton(
  integration: string,
  externalId: string,
  readNow: () => IssueRef,
  { messenger, running, trackedOn }: IssueButtonDeps,
  eventNow: () => EventTime | null = () => null,
): IssueButton {
  let busy = false;
  let trackedSeconds = 0;
  const view = createTimerButton(
    integration,
    externalId,
    () => void press(),
    () => {
      // A press is coming: the picker it may need loads meanwhile. A Stop needs none.
      if (!busy && !runsFor(running(), externalId)) view.readyPicker(pickerPage());
    },
    () => void addAsEntry(),
  );

  // A calendar event with a start and an end, over by now: its time can become an entry.
  const pastEvent = () => {
    const event = eventNow();
    return event && !event.allDay && event.end <= Date.now() ? { start: event.start, end: event.end } : null;
  };
  const render = () => view.render({ running: runsFor(running(), externalId), busy, trackedSeconds, canAddEntry: pastEvent() !== null });
  const loadTime = async () => {
    try {
      const seconds = await trackedOn(externalId);
      // Most issues on a board have no time yet: drawing them again would only cost time.
      if (seconds === trackedSeconds) return;
      trackedSeconds = seconds;
      render();
    } catch {
      // no number is better than a wrong one
    }
  };

  /**
   * Sends a press to the background and opens the picker when it asks for a task. The picker's
   * frame loads while the background answers (most often it did since the pointer came to rest on
   * the button); a press that needs no task drops it unseen.
   */
  async function ask(press: IssuePress, failed: string): Promise<void> {
    try {
      view.readyPicker(pickerPage());
      const result = await messenger.startFromIssue({ ...press, frame: view.pickerId() });
      if (result.outcome === 'needs-task') return view.openPicker(pickerPage(), result.picker);
      view.dropPicker();
      if (result.outcome === 'signed-out') view.showNotice(t('page_signInFirst'));
    } catch (error) {
      view.dropPicker();
      view.showNotice(t(failed, messageOf(error)));
    }
  }

  /** Runs one press at a time, the button shown busy meanwhile. */
  async function whileBusy(work: () => Promise<void>): Promise<void> {
    busy = true;
    render();
    try {
      await work();
    } finally {
      busy = false;
      render();
    }
  }

  async function press(): Promise<void> {
    if (busy || view.closePopover()) return;
    const shown = running();
    if (!shown || !runsFor(shown, externalId)) return whileBusy(() => ask(readNow(), 'picker_startFailed'));
    await whileBusy(() => messenger.stopTimer({ timer: keyOf(shown) }).catch((error: unknown) => view.showNotice(t('page_stopFailed', messageOf(error)))));
  }

  /** "Add as entry": the picker opens on the likely task, to add the event's time there. */
  async function addAsEntry(): Promise<void> {
    if (busy || view.closePopover()) return;
    // The page as it is now, its event's time with it.
    const issue = readNow();
    const event = pastEvent();
    if (!event) return render();
    await whileBusy(() => ask({ ...issue, event }, 'picker_addFailed'));
  }

  void loadTime();
  render();
  return {
    host: view.host,
    render,
    loadTime,
    destroy() {
      view.closePopover();
      view.dropPicker();
      view.destroy();
    },
  };
}
