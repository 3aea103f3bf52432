import type { IssueRef } from '@/lib/storage/timer';
import { routeOf, type Integration, type Place, type Position } from './define';
import type { EventTime } from './event-time';
import type { PageChanges } from './page-watcher';

/** One issue shown at one place: where its button sits and what the page said last. */
export interface Placement {
  readonly integration: Integration;
  readonly place: Place;
  readonly externalId: string;
  /** Moves when the site re-renders the anchor. */
  anchor: Element;
  /** The issue as read from the page now, or as last read if the page cannot say any more. */
  readNow(): IssueRef;
  /** A calendar event's time as last read with the issue (when placed, and at each `readNow`); null for anything else. */
  eventNow(): EventTime | null;
}

/** What a placement puts on the page. */
export interface Mounted {
  readonly host: Element;
  destroy(): void;
}

interface Found {
  integration: Integration;
  place: Place;
  anchor: Element;
  issue: IssueRef;
  event: EventTime | null;
}

type Read = Pick<Found, 'issue' | 'event'>;

interface Entry<M> {
  placement: Placement;
  mounted: M;
}

function* within(roots: Element[], selector: string): Iterable<Element> {
  for (const root of roots) {
    if (!root.isConnected) continue;
    if (root.matches(selector)) yield root;
    yield* root.querySelectorAll(selector);
  }
}

// A hidden copy of a header (sticky headers, pre-rendered panels) loses to the one on screen.
const shown = (element: Element) => element.getClientRects().length > 0;

function insert(host: Element, anchor: Element, position: Position): void {
  const sibling = position === 'before' || position === 'after';
  const parent = sibling ? anchor.parentNode : anchor;
  if (!parent || host.parentNode === parent) return;
  if (position === 'before') anchor.before(host);
  else if (position === 'after') anchor.after(host);
  else if (position === 'inside') anchor.append(host);
  else anchor.prepend(host);
}

// The background refuses longer fields (lib/messaging/timer-schemas.ts): what a page says must
// never make a press fail.
// `page`: the page's URL, parsed once per batch rather than once per anchor on a large board.
function read(integration: Integration, place: Place, anchor: Element, page = new URL(anchor.ownerDocument.location.href)): Read | null {
  const fields = place.read(anchor, page);
  if (!fields) return null;
  const { externalId, key, title, project, event, ...rest } = fields;
  return {
    issue: { integration: integration.id, ...rest, externalId: externalId.slice(0, 512), key: key.slice(0, 200), title: title.slice(0, 1000), project: project?.slice(0, 300) },
    event: event ?? null,
  };
}

/**
 * Keeps exactly one mounted button per issue and place, keyed by the issue's external id (never
 * by a marker class on the page). `update` looks at what a batch added (or, after a navigation,
 * at the whole page), places new buttons, follows anchors the site re-rendered, re-inserts
 * buttons the site dropped, and removes buttons whose anchor is gone.
 */
export function createPlacer<M extends Mounted>(integrations: Integration[], doc: Document, mount: (placement: Placement) => M) {
  const placed = new Map<string, Entry<M>>();
  // Anchors that showed no issue yet (a panel still loading): tried again with every batch.
  let waiting: Array<Omit<Found, 'issue' | 'event'>> = [];

  /** `lost`: places whose anchor left the page; another anchor of theirs may still show the issue. */
  function candidates(changes: PageChanges | null, lost: Set<Place>): Map<string, Found> {
    const full = !changes || changes.navigated;
    const page = new URL(doc.location.href);
    const retry = full ? [] : waiting;
    const found = new Map<string, Found>();
    waiting = [];
    for (const integration of integrations) {
      for (const place of integration.places) {
        let anchors: Set<Element>;
        try {
          if (place.url && !place.url.test(routeOf(integration, page))) continue;
          // Matches of earlier selectors come first, and the first match showing an issue keeps it.
          anchors = new Set();
          for (const selector of [place.anchor].flat()) {
            for (const anchor of full || lost.has(place) ? doc.querySelectorAll(selector) : within(changes.added, selector)) anchors.add(anchor);
          }
        } catch {
          continue; // a broken selector disables its place, nothing else
        }
        for (const w of retry) if (w.place === place && w.anchor.isConnected) anchors.add(w.anchor);
        for (const anchor of anchors) {
          let shows: Read | null;
          try {
            shows = read(integration, place, anchor, page);
          } catch {
            continue;
          }
          if (!shows) {
            waiting.push({ integration, place, anchor });
            continue;
          }
          const key = `${integration.id} ${place.name} ${shows.issue.externalId}`;
          const rival = found.get(key);
          if (!rival || (!shown(rival.anchor) && shown(anchor))) found.set(key, { integration, place, anchor, ...shows });
        }
      }
    }
    return found;
  }

  function add({ integration, place, anchor, issue, event }: Found): Entry<M> {
    let last: Read = { issue, event };
    const readAgain = () => {
      try {
        last = read(integration, place, placement.anchor) ?? last;
      } catch {
        // the page cannot say any more; what it said last stands
      }
      return last;
    };
    const placement: Placement = {
      integration,
      place,
      externalId: issue.externalId,
      anchor,
      readNow: () => readAgain().issue,
      // Not read again: buttons draw themselves often (every timer change, on every card of a board).
      eventNow: () => last.event,
    };
    return { placement, mounted: mount(placement) };
  }

  return {
    /** Places and removes buttons for a batch of changes; `null` looks at the whole page. */
    update(changes: PageChanges | null): void {
      const full = !changes || changes.navigated;
      const lost = new Set<Place>();
      for (const { placement } of placed.values()) if (!placement.anchor.isConnected) lost.add(placement.place);
      const found = candidates(changes, lost);
      for (const [key, { placement, mounted }] of placed) {
        const gone = full || !placement.anchor.isConnected;
        if (gone && !found.has(key)) {
          mounted.destroy();
          mounted.host.remove();
          placed.delete(key);
        }
      }
      for (const [key, next] of found) {
        const entry = placed.get(key);
        if (!entry) {
          placed.set(key, add(next));
          continue;
        }
        const current = entry.placement.anchor;
        if (current !== next.anchor && (full || !current.isConnected || (!shown(current) && shown(next.anchor)))) {
          entry.placement.anchor = next.anchor;
        }
      }
      for (const { placement, mounted } of placed.values()) insert(mounted.host, placement.anchor, placement.place.position);
    },
    mounted(): M[] {
      return [...placed.values()].map((entry) => entry.mounted);
    },
    externalIds(integration: Integration): string[] {
      return [...placed.values()].filter((e) => e.placement.integration === integration).map((e) => e.placement.externalId);
    },
    clear(): void {
      for (const { mounted } of placed.values()) {
        mounted.destroy();
        mounted.host.remove();
      }
      placed.clear();
      waiting = [];
    },
  };
}
