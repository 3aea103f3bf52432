import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import type { Integration } from './define';
import { createIssueButton } from './issue-button';
import type { Messenger } from './messenger';
import { watchPage } from './page-watcher';
import { createPlacer } from './placer';

/** Where the running timer comes from: `runningTimer` from storage, or a stand-in. */
export interface TimerSource {
  getValue(): Promise<RunningTimer | null>;
  watch(callback: (value: RunningTimer | null) => void): () => void;
}

export interface StartOptions {
  messenger: Messenger;
  timer?: TimerSource;
  /** How long an issue page may take to show a place for its button before it is reported without one. */
  reportAfterMs?: number;
  doc?: Document;
}

/**
 * Runs integrations on this page: one observer, buttons placed and kept, the running state
 * from storage, and one report per visited URL. Returns the function that undoes all of it.
 */
export function startIntegrations(
  integrations: Integration[],
  { messenger, timer = runningTimer, reportAfterMs = 4000, doc = document }: StartOptions,
): () => void {
  let running: RunningTimer | null = null;
  let heard = false;
  const placer = createPlacer(integrations, doc, (placement) =>
    createIssueButton(placement.integration.id, placement.externalId, placement.readNow, { messenger, running: () => running }),
  );
  const renderAll = () => placer.mounted().forEach((button) => button.render());
  const unwatch = timer.watch((value) => {
    heard = true;
    running = value;
    renderAll();
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
      const issuePage = integration.issuePages.test(page.pathname + page.search);
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

  return () => {
    unwatch();
    watcher.stop();
    clearTimeout(deadline);
    placer.clear();
  };
}
