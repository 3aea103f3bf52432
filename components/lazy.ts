import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ComponentType<P> & {
  /** Starts loading the code now (in an idle moment after the first paint), so a click finds it ready. */
  preload(): Promise<ComponentType<P>>;
};

/**
 * A component whose code is not in the script the first paint waits for: what a view shows only
 * after a click (an editor) loads later, on `preload` or on its first render. Until it has loaded
 * it renders nothing; should loading fail, it throws to the section's error boundary, and its next
 * mount (the boundary's "Try again") loads again.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!loaded) preload().then(() => setReady(true), (error: unknown) => setFailure({ error }));
    }, []);
    if (failure) throw failure.error;
    return loaded ? h(loaded, props) : null;
  }
  return Object.assign(Lazy, { preload });
}
