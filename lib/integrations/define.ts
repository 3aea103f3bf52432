import type { IssueRef } from '@/lib/storage/timer';
import type { EventTime } from './event-time';

/**
 * What a site reads from its page: the issue as TimeCamp should know it (the framework adds
 * `integration`), and for a calendar event its time (`./event-time`): once it is over, the
 * button offers to add it as time entries.
 */
export type IssueFields = Omit<IssueRef, 'integration'> & { event?: EventTime | null };

/** Where the button goes, relative to the anchor: as its previous or next sibling, or as its last or first child. */
export type Position = 'before' | 'after' | 'inside' | 'prepend';

/** One place on a tracker's pages where a button goes, for example the header of an issue page. */
export interface Place {
  /** Names the place in keys and reports: `issue`, `pull-request`, `side-panel`. One button per issue and place. */
  name: string;
  /** The place exists only on pages whose path and query (`/octo/app/issues/12?x=1`) match; every page when absent. */
  url?: RegExp;
  /**
   * CSS selector of the element the button goes next to or into. Every match is a candidate; matches
   * showing the same issue get one button. A list names fallbacks, in order: an anchor the site is
   * likely to change first, then sturdier ones that hold it (which a single selector list cannot
   * rank, since an element comes before its descendants).
   */
  anchor: string | readonly string[];
  position: Position;
  /**
   * The issue an anchor belongs to, or null when it shows none (yet). Called when the anchor
   * appears, to key the button by its external id, and again at click time, because pages change
   * after load. Read text with `textContent` or `.value` (see `./read`); throwing only disables this place.
   */
  read(anchor: Element, page: URL): IssueFields | null;
}

/** A tracker: one small, declarative file under `sites/`. */
export interface Integration {
  /** Lower-case id, the first part of its external ids and the `data-integration` of its buttons. */
  id: string;
  /** How people call the tracker, for settings and reports. */
  name: string;
  /** Match patterns of the tracker's own hosts, for the manifest. Empty when it is only self-hosted. */
  matches: string[];
  /** Whether users may add their own domains for it (the background registers the same script there at runtime). */
  selfHosted: boolean;
  /**
   * Match patterns of the tracker's own hosts that installing the extension does not ask for:
   * the tracker is off until the user switches it on, which asks for these hosts, and its script
   * (`registration: 'runtime'`, `matches: []`) is then registered there at runtime.
   */
  optionalHosts?: string[];
  /**
   * Its items open in frames of its own pages (Bitrix24's slider is an iframe of the portal): its
   * script runs in every frame of its hosts, not only in the tab's page.
   */
  allFrames?: boolean;
  /** Pages (path and query; see `hashRoutes`) that show an issue: when one gets no button within a few seconds, it is reported. */
  issuePages: RegExp;
  /**
   * The app routes in the URL's hash (`/workspace.htm?acc=1#/task-view?id=7`): `issuePages` and
   * each place's `url` then see path, query and hash. Off by default, so a hash that only scrolls
   * (`#issuecomment-12`) cannot break a pattern anchored at the end.
   */
  hashRoutes?: boolean;
  places: Place[];
}

/** What `issuePages` and a place's `url` are tested against: path and query, and the hash where the app routes in it. */
export function routeOf(integration: Pick<Integration, 'hashRoutes'>, page: URL): string {
  return page.pathname + page.search + (integration.hashRoutes ? page.hash : '');
}

/**
 * What the rest of the extension knows of a tracker without its page code: each site file exports
 * it as `about`, and `./catalog` lists them for the background and the options page.
 */
export type SiteInfo = Pick<Integration, 'id' | 'name' | 'matches' | 'selfHosted' | 'optionalHosts' | 'allFrames'>;

/**
 * A site file's default export: `export default defineIntegration(about, { issuePages, places })`.
 * Marked free of side effects (its arguments are plain values) so that a bundle importing only a
 * site's `about` (the background, through `./catalog`) drops the site's page code.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineIntegration(about: SiteInfo, page: Pick<Integration, 'issuePages' | 'hashRoutes' | 'places'>): Integration {
  return { ...about, ...page };
}
