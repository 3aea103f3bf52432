/**
 * When to build an in-page button's inside. A page's first buttons are built at once (an issue
 * page, a short list: the button is there in the same frame). Past those, on a board of a
 * thousand cards, a button is built when its place comes within a screen of the viewport: a
 * thousand shadow roots, their listeners and their layout would cost the page a quarter of a
 * second, for buttons nobody sees until they scroll to them.
 */
export const BUILT_AT_ONCE = 50;

let builtAtOnce = 0;
let observer: IntersectionObserver | undefined;
const waiting = new WeakMap<Element, () => void>();

function nearScreen(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!isIntersecting) continue;
        observer!.unobserve(target);
        const build = waiting.get(target);
        waiting.delete(target);
        build?.();
      }
    },
    // A screen's width and height around the viewport: built before they scroll into sight.
    { rootMargin: '100%' },
  );
  return observer;
}

/**
 * Runs `build` now while the page has fewer than `BUILT_AT_ONCE` buttons built this way, else
 * once `host` comes near the viewport. Answers the function to call when the button leaves the
 * page: it frees its place among the first ones, or stops watching it.
 */
export function buildNearScreen(host: Element, build: () => void): () => void {
  if (builtAtOnce < BUILT_AT_ONCE || typeof IntersectionObserver === 'undefined') {
    builtAtOnce++;
    build();
    let forgotten = false;
    return () => {
      if (!forgotten) builtAtOnce--;
      forgotten = true;
    };
  }
  waiting.set(host, build);
  nearScreen().observe(host);
  return () => {
    if (!waiting.delete(host)) return;
    observer?.unobserve(host);
  };
}
