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

  const flush = () => {
    if (frame !== undefined) win.cancelAnimationFrame(frame);
    frame = undefined;
    const navigated = win.location.href !== url;
    url = win.location.href;
    const changes = { added, removed, navigated };
    added = [];
    removed = false;
    if (changes.added.length || changes.removed || navigated) onBatch(changes);
  };
  const schedule = () => {
    frame ??= win.requestAnimationFrame(flush);
  };

  const observer = new MutationObserver((records) => {
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
  });
  observer.observe(doc, { childList: true, subtree: true });

  const onNavigate = () => {
    if (win.location.href !== url) schedule();
  };
  const navigation = (win as { navigation?: NavigationLike }).navigation;
  const [target, type]: [EventTarget, string] = navigation ? [navigation, 'currententrychange'] : [win, 'popstate'];
  target.addEventListener(type, onNavigate);

  return {
    flush,
    stop() {
      observer.disconnect();
      target.removeEventListener(type, onNavigate);
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      frame = undefined;
    },
  };
}
