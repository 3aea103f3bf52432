import { settings } from './settings';
import { account } from './account';
import { storage } from 'wxt/utils/storage';
import { EMPTY_PAGE_STATE, PAGE_STATE_KEY, type PageState } from './page-state';
import { runningTimer, timerKey, type RunningTimer } from './timer';
import { SITES } from '@/lib/integrations/catalog';
import { issueTime } from '@/lib/tasks/issue-time';
import { trackersOn } from './trackers-on';
import { selfHostedDomains } from './domains';

/** The projection as the background writes it, and tests read it. */
export const pageState = storage.defineItem<PageState>(`local:${PAGE_STATE_KEY}`, { fallback: EMPTY_PAGE_STATE });

function pageTimer(timer: RunningTimer | null): PageState['timer'] {
  if (!timer) return null;
  return {
    key: timerKey(timer),
    source: timer.source ? { externalId: timer.source.externalId } : null,
    externalTaskId: timer.externalTaskId,
    taskName: timer.taskName,
    startedAt: timer.startedAt,
  };
}

/** The projection of the trusted state that tracker pages get (see page-state.ts). */
export async function projectPageState(): Promise<PageState> {
  const [signedIn, timer, times, prefs, on, domains] = await Promise.all([
    account.getValue(),
    runningTimer.getValue(),
    issueTime.getValue(),
    settings.getValue(),
    trackersOn.getValue(),
    selfHostedDomains.getValue(),
  ]);
  const issueTimes: PageState['issueTimes'] = {};
  for (const [externalId, entry] of Object.entries(times)) issueTimes[externalId] = { totalSeconds: entry.totalSeconds };
  // A tracker with optional hosts is off until switched on: a page it was injected into drops its
  // buttons as it goes off. Its switch is for its own hosts: on a server of the user's own (Plane,
  // Taiga…, added as a self-hosted domain) it runs whether or not it is on there.
  const ownServer = new Set((Array.isArray(domains) ? domains : []).map((entry) => entry?.integration));
  const notOn = SITES.filter((site) => site.optionalHosts && !on.includes(site.id) && !ownServer.has(site.id)).map((site) => site.id);
  return { signedIn: signedIn !== null, timer: pageTimer(timer), issueTimes, disabledIntegrations: [...prefs.disabledIntegrations, ...notOn] };
}

/**
 * Keeps the projection in step with what it is made of, from the background:
 * now, and after every change. Writes only when it differs, so buttons
 * redraw only for what they show.
 */
export function publishPageState(): () => void {
  let last = '';
  let pending = Promise.resolve();
  const publish = () => {
    pending = pending.then(async () => {
      const next = await projectPageState();
      const text = JSON.stringify(next);
      if (text === last) return;
      last = text;
      await pageState.setValue(next);
    });
  };
  // A page may overwrite the projection (it is in storage.local): put ours back.
  const restore = (written: PageState) => {
    if (last && JSON.stringify(written) !== last) void pageState.setValue(JSON.parse(last) as PageState);
  };
  const unwatch = [
    account.watch(publish),
    runningTimer.watch(publish),
    issueTime.watch(publish),
    settings.watch(publish),
    trackersOn.watch(publish),
    selfHostedDomains.watch(publish),
    pageState.watch(restore),
  ];
  publish();
  return () => unwatch.forEach((stop) => stop());
}
