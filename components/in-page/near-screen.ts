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
const waiting = new Map<Element, () => void>();

/**
 * Runs `build` now while the page has fewer than `BUILT_AT_ONCE` buttons built this way, else
 * once `host` comes near the viewport. Answers the function to call when the button leaves the
 * page: it frees its place among the first ones, or stops watching it.
 */
export function buildNearScreen(host: Element, build: () => void): () => void {
  if (builtAtOnce < BUILT_AT_ONCE) {
    builtAtOnce++;
    build();
    let counted = true;
    return () => {
      if (counted) builtAtOnce--;
      counted = false;
    };
  }
  // A screen's width and height around the viewport: built before they scroll into sight.
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (isIntersecting) {
          waiting.get(target)?.();
          forget(target);
        }
      }
    },
    { rootMargin: '100%' },
  );
  waiting.set(host, build);
  observer.observe(host);
  return () => forget(host);
}

function forget(host: Element): void {
  waiting.delete(host);
  observer!.unobserve(host);
}
