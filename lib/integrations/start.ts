import type { PageTimer } from '@/lib/storage/page-state';
import type { Settings } from '@/lib/storage/settings';
import type { IssueRef } from '@/lib/storage/timer';
import { routeOf, type Integration } from './define';
import { createIssueButton } from './issue-button';
import type { Messenger } from './messenger';
import { watchPage } from './page-watcher';
import { createPlacer } from './placer';
import { storedIssueTimes, storedPageTimer, storedSettings, type Stored } from './stored';

export interface StartOptions {
  messenger: Messenger;
  /** The running timer: `runningTimer` from storage unless a test says otherwise. */
  timer?: Stored<PageTimer | null>;
  /** Which integrations the user switched off: `settings` from storage unless a test says otherwise. */
  settings?: Stored<Pick<Settings, 'disabledIntegrations'> | null>;
  /** Changes when the background learnt new tracked times: the background's issue-time cache unless a test says otherwise. */
  issueTimes?: Stored<Record<string, { totalSeconds?: unknown }> | null>;
  /** How long an issue page may take to show a place for its button before it is reported without one. */
  reportAfterMs?: number;
  doc?: Document;
}

interface Run {
  stop(): void;
  currentIssue(): IssueRef | null;
}

/**
 * Runs a content script's integrations on this page, those the user did not switch off (and
 * follows the switch): buttons placed and kept by one observer, their running state from storage,
 * one report per visited URL, and the answer to the background's `readIssue`. Returns the
 * function that undoes all of it.
 */
export function startIntegrations(integrations: Integration[], options: StartOptions): () => void {
  const { messenger, settings = storedSettings } = options;
  let run: Run | undefined;
  let runs = '';
  let heard = false;
  const follow = (value: Pick<Settings, 'disabledIntegrations'> | null) => {
    const enabled = integrations.filter((integration) => !value?.disabledIntegrations?.includes(integration.id));
    const ids = enabled.map((integration) => integration.id).join(' ');
    if (run && ids === runs) return;
    run?.stop();
    runs = ids;
    run = runIntegrations(enabled, options);
  };
  const unwatch = settings.watch((value) => {
    heard = true;
    follow(value);
  });
  settings.getValue().then(
    (value) => heard || follow(value),
    () => heard || follow(null),
  );
  const unanswer = messenger.onReadIssue(() => run?.currentIssue() ?? null);
  return () => {
    unwatch();
    unanswer();
    run?.stop();
    heard = true; // a late settings answer must not start anything
  };
}

function runIntegrations(
  integrations: Integration[],
  { messenger, timer = storedPageTimer, issueTimes = storedIssueTimes, reportAfterMs = 4000, doc = document }: StartOptions,
): Run {
  let running: PageTimer | null = null;
  let heard = false;
  // One read of the tracked-time cache serves every button placed until it changes.
  let times: Promise<Record<string, { totalSeconds?: unknown }> | null> | null = null;
  const trackedOn = async (externalId: string) => {
    times ??= issueTimes.getValue();
    const seconds = (await times)?.[externalId]?.totalSeconds;
    return typeof seconds === 'number' && seconds > 0 ? seconds : 0;
  };
  const placer = createPlacer(integrations, doc, (placement) => ({
    placement,
    ...createIssueButton(placement.integration.id, placement.externalId, placement.readNow, { messenger, running: () => running, trackedOn }, placement.eventNow),
  }));
  const renderAll = () => placer.mounted().forEach((button) => button.render());
  const unwatch = timer.watch((value) => {
    heard = true;
    running = value;
    renderAll();
  });
  // The background refreshes an issue's time after a stop reached TimeCamp: read it again.
  const unwatchTimes = issueTimes.watch((value) => {
    times = Promise.resolve(value);
    placer.mounted().forEach((button) => void button.loadTime());
  });
  timer.getValue().then(
    (value) => {
      if (heard) return;
      running = value;
      renderAll();
    },
    () => undefined,
  );

  // Reports: what each integration found on each URL, once the answer is known (a button, or no
  // issue page), or when an issue page still has no button after `reportAfterMs` (the site
  // changed); and once more if a button turns up after a report that said there was none.
  let url = '';
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let reported = new Map<Integration, boolean>();
  const report = (final: boolean) => {
    if (doc.location.href !== url) {
      url = doc.location.href;
      reported = new Map();
      clearTimeout(deadline);
      deadline = setTimeout(() => {
        watcher.flush();
        report(true);
      }, reportAfterMs);
    }
    const page = new URL(url);
    for (const integration of integrations) {
      const externalIds = placer.externalIds(integration);
      const issuePage = integration.issuePages.test(routeOf(integration, page));
      const found = externalIds.length > 0;
      const before = reported.get(integration);
      if (before === undefined ? found || !issuePage || final : found && !before) {
        reported.set(integration, found);
        messenger.reportPage({ integration: integration.id, url, issuePage, externalIds }).catch(() => undefined);
      }
    }
  };

  const watcher = watchPage((changes) => {
    placer.update(changes);
    report(false);
  }, doc);
  placer.update(null);
  report(false);

  return {
    stop() {
      unwatch();
      unwatchTimes();
      watcher.stop();
      clearTimeout(deadline);
      placer.clear();
    },
    // The issue of the first button still on the page, as the page shows it now.
    currentIssue: () => placer.mounted().find(({ host }) => host.isConnected)?.placement.readNow() ?? null,
  };
}
