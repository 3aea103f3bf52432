import { defineIntegration, type IssueFields, type Place, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Taiga (tree.taiga.io or a self-hosted Taiga): user stories, tasks, issues and epics on their pages,
// `/project/<slug>/(us|task|issue|epic)/<ref>`, and as Kanban and taskboard cards, backlog rows and
// issue list rows. A ref is a number unique in its project across kinds; Taiga shows it as `#<ref>`
// (the key). External ids: `taiga_<kind>_<host>/<slug>#<ref>`, kind as in the URL.
const DETAIL = /^\/project\/([\w-]+)\/(us|task|issue|epic)\/(\d+)\/?(?:\?|$)/;
const PROJECT = /^\/project\/([\w-]+)\//;
const KIND = /^(?:us|task|issue|epic)$/;

function item(page: URL, kind: string | null | undefined, ref: string, title: string, project: string): IssueFields | null {
  const [, slug] = PROJECT.exec(page.pathname) ?? [];
  if (!slug || !KIND.test(kind ?? '') || !/^#\d+$/.test(ref)) return null;
  const n = ref.slice(1);
  return { externalId: `taiga_${kind}_${page.host}/${slug}#${n}`, key: ref, title, url: `${page.origin}/project/${slug}/${kind}/${n}`, project: project || undefined };
}

/** The project's name, in the project menu (drawn in a shadow root); on an item's page, else the end of its title. */
function projectOf(doc: Document, ref?: string): string {
  const menu = doc.querySelector('tg-project-menu tg-legacy-loader')?.shadowRoot;
  const title = doc.title;
  const at = ref ? title.lastIndexOf(`${ref} - `) : -1;
  return textOf(menu?.querySelector('.project-name')) || (at < 0 ? '' : title.slice(at + ref!.length + 3).trim());
}

/** A row or card that shows its ref and subject in a link: the button goes first in `anchor`. */
const row = (name: string, anchor: string, kind: (anchor: Element) => string | null, ref: string, subject: string): Place => ({
  name,
  anchor,
  position: 'prepend',
  read: (at, page) => item(page, kind(at), firstText(at, ref), firstText(at, subject), projectOf(at.ownerDocument)),
});

export const about = { id: 'taiga', name: 'Taiga', matches: [], selfHosted: true, optionalHosts: ['https://tree.taiga.io/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: DETAIL,
  places: [
    {
      // After the ref and subject in the item page's header.
      name: 'item',
      url: DETAIL,
      anchor: 'tg-detail-header .detail-title-wrapper',
      position: 'inside',
      read(anchor, page) {
        const [, , kind, n] = DETAIL.exec(page.pathname) ?? [];
        const ref = firstText(anchor, '.detail-ref');
        // The header still shows the previous item while the next one loads.
        if (ref !== `#${n}`) return null;
        return item(page, kind, ref, firstText(anchor, '.edit-title-input') || firstText(anchor, '.detail-subject'), projectOf(anchor.ownerDocument, ref));
      },
    },
    // Kanban (user stories) and the sprint taskboard (tasks, issues): the card's `type`.
    row('card', 'tg-card .card-title', (at) => at.closest('tg-card')?.getAttribute('type') ?? null, '.card-ref', '.card-subject'),
    row('backlog-row', '.us-item-row .user-story-main-data', () => 'us', '.user-story-number', '.user-story-name'),
    row('issue-row', '.issues-table .row.table-main .subject', () => 'issue', '.issue-ref', '.issue-subject'),
  ],
});
