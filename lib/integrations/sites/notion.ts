import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { textOf } from '../read';

// www.notion.so. A page's address ends in its id, 32 hex digits, after its title's slug
// (`/<workspace>/<Title-slug>-<id>`, `/<id>`); a database's row opened in a peek (side or center)
// is `?p=<id>` on the database's address. Notion's blocks carry the same id as a UUID
// (`data-block-id`). TimeCamp's own plugin sends a database's row as `notion_page_<UUID>` (table
// rows, and the peek before), so the buttons send that for a page in every view. A view gets a
// button only when its title block has the id its address names: a database shown as a page is
// no task. Pages have no key: the note is the title.
const PAGE_PATH = /[/-]([0-9a-f]{32})\/?$/i;
const HEX = /^[0-9a-f]{32}$/;
const compact = (id: string | null | undefined) => (id ?? '').replace(/-/g, '').toLowerCase();

function issue(origin: string, id: string | null | undefined, title: string): IssueFields | null {
  const hex = compact(id);
  if (!HEX.test(hex)) return null;
  const uuid = hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  return { externalId: `notion_page_${uuid}`, key: '', title, url: `${origin}/${hex}` };
}

/** The page `view` shows when its title block (`.notion-page-block > h1`) is the page `id` names. */
function shown(view: ParentNode | null, id: string | null | undefined, url: URL): IssueFields | null {
  const hex = compact(id);
  const titles = [...(view?.querySelectorAll('.notion-page-block > h1') ?? [])];
  const title = titles.find((h1) => hex && compact(h1.parentElement?.getAttribute('data-block-id')) === hex);
  return title ? issue(url.origin, hex, textOf(title)) : null;
}

export const about = { id: 'notion', name: 'Notion', matches: [], selfHosted: false, optionalHosts: ['https://www.notion.so/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  // A page's own address (not a database's, which names a view: `?v=`), or a row in a peek.
  issuePages: /[?&]p=[0-9a-f]{32}(?:&|$)|^[^?]*[/-][0-9a-f]{32}\/?(?:$|\?(?!(?:.*&)?v=))/i,
  places: [
    {
      // A row opened in a peek over its database: before the peek's Share button.
      name: 'peek',
      anchor: '.notion-peek-renderer .notion-topbar-share-menu',
      position: 'before',
      read: (anchor, url) => shown(anchor.closest('.notion-peek-renderer'), url.searchParams.get('p'), url),
    },
    {
      // A page (a row opened as a page, a task page): before the top bar's Share button.
      name: 'page',
      anchor: '.notion-topbar-share-menu',
      position: 'before',
      read(anchor, url) {
        if (anchor.closest('.notion-peek-renderer')) return null;
        return shown(anchor.ownerDocument.querySelector('.notion-frame'), PAGE_PATH.exec(url.pathname)?.[1], url);
      },
    },
    {
      // A row of a table view: first in its first cell (the title).
      name: 'table-row',
      anchor: '.notion-table-view .notion-collection-item[data-block-id] .notion-table-view-cell',
      position: 'prepend',
      read(anchor, url) {
        const row = anchor.closest('.notion-collection-item[data-block-id]');
        if (row?.querySelector('.notion-table-view-cell') !== anchor) return null;
        return issue(url.origin, row.getAttribute('data-block-id'), textOf(anchor));
      },
    },
  ],
});
