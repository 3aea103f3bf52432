/** What changed on the page since the last batch. */
export interface PageChanges {
  /** Elements added to the page (the top of each added subtree), ours excluded. */
  added: Element[];
  /** Something was removed: anchors may be gone. */
  removed: boolean;
  /** The URL changed without a reload (client-side navigation). */
  navigated: boolean;
}

export interface PageWatcher {
  /** Runs a pending batch now, e.g. before judging the page in a background tab, where frames do not run. */
  flush(): void;
  stop(): void;
}

/** The tag of our own button hosts; their insertion is not news. */
export const HOST_TAG = 'TIMECAMP-BUTTON';

interface NavigationLike extends EventTarget {}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true };

/**
 * The page's one MutationObserver: mutations are collected and handed over once per animation
 * frame, so a burst of re-renders costs one batch whose size is the number of nodes added.
 * Client-side navigation needs no patching of `history`: the Navigation API's
 * `currententrychange` where the browser has it, else `popstate`; and every batch compares the
 * URL anyway, which catches `pushState` followed by the DOM swap that always comes with it.
 */
export function watchPage(onBatch: (changes: PageChanges) => void, doc: Document = document): PageWatcher {
  const win = doc.defaultView ?? window;
  let added: Element[] = [];
  let removed = false;
  let url = win.location.href;
  let frame: number | undefined;
  let stopped = false;

  const flush = () => {
    if (frame !== undefined) win.cancelAnimationFrame(frame);
    frame = undefined;
    const navigated = win.location.href !== url;
    url = win.location.href;
    const changes = { added, removed, navigated };
    added = [];
    removed = false;
    if (!changes.added.length && !changes.removed && !navigated) return;
    // Our buttons going in (and out) would come back as mutations, a record each, and a removal
    // would start another batch: the observer looks away while the batch places them. What the
    // page changed before that is kept for the next batch.
    collect(observer.takeRecords());
    observer.disconnect();
    try {
      onBatch(changes);
    } finally {
      // Not again once stopped: a batch may stop the watcher, or be run after it was.
      if (!stopped) observer.observe(doc, OBSERVED);
    }
  };
  const schedule = () => {
    frame ??= win.requestAnimationFrame(flush);
  };

  const collect = (records: MutationRecord[]) => {
    let news = false;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && node.nodeName !== HOST_TAG) {
          added.push(node as Element);
          news = true;
        }
      }
      if (record.removedNodes.length) removed = news = true;
    }
    if (news) schedule();
  };
  const observer = new MutationObserver(collect);
  observer.observe(doc, OBSERVED);

  const onNavigate = () => {
    if (win.location.href !== url) schedule();
  };
  const navigation = (win as { navigation?: NavigationLike }).navigation;
  const [target, type]: [EventTarget, string] = navigation ? [navigation, 'currententrychange'] : [win, 'popstate'];
  target.addEventListener(type, onNavigate);

  return {
    flush,
    stop() {
      stopped = true;
      observer.disconnect();
      target.removeEventListener(type, onNavigate);
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      frame = undefined;
    },
  };
}
