import { startIntegrations, type StartOptions } from '../start';
import { storedCustomIntegrations, type Stored } from '../stored';
import { customSitesFor } from './site';

/**
 * Runs the user's custom integrations for this page's domain, and follows their edits on the
 * options page (the buttons are rebuilt). Returns the function that undoes it all.
 */
export function startCustomIntegrations(options: StartOptions & { items?: Stored<unknown> }): () => void {
  const { items = storedCustomIntegrations, doc = document } = options;
  let stop = () => undefined as void;
  let heard = false;
  let stopped = false;
  const follow = (value: unknown) => {
    if (stopped) return;
    stop();
    const sites = customSitesFor(value, new URL(doc.location.href));
    stop = sites.length ? startIntegrations(sites, options) : () => undefined;
  };
  const unwatch = items.watch((value) => {
    heard = true;
    follow(value);
  });
  items.getValue().then(
    (value) => heard || follow(value),
    () => undefined,
  );
  return () => {
    stopped = true;
    unwatch();
    stop();
  };
}
