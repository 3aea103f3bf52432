import { defineIntegration, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// podio.com item pages: `/<org>/<workspace>/apps/<app>/items/<n>`, where <n> numbers the item in its
// app only. TimeCamp's Podio integration knows items by Podio's item id as `i<itemId>` (what
// TimeCamp's own browser plugin sends), which the page gives as its context (`#wrapper` with
// `data-context-type="item"` and `data-context-id`) or as its share button's `data-id`. Items have no
// key: the note is the title.
const ITEM = /^\/([^/?#]+\/[^/?#]+\/apps\/[^/?#]+\/items\/\d+)\/?(?:\?|$)/;
const ID = /^\d+$/;

export const about = { id: 'podio', name: 'Podio', matches: [], selfHosted: false, optionalHosts: ['https://podio.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: ITEM,
  places: [
    {
      // The item's action bar, above its fields: first in it.
      name: 'item',
      url: ITEM,
      anchor: '.item-topbar .action-bar ul',
      position: 'prepend',
      read(anchor, page) {
        const [, path] = ITEM.exec(page.pathname) ?? [];
        const doc = anchor.ownerDocument;
        const context = anchor.closest('#wrapper[data-context-type="item"]')?.getAttribute('data-context-id');
        const id = context ?? doc.querySelector('.share[data-id]')?.getAttribute('data-id');
        if (!path || !id || !ID.test(id)) return null;
        const topbar = anchor.closest('.item-topbar');
        return {
          externalId: `i${id}`,
          key: '',
          // The title in the breadcrumb; else the item's Title field.
          title: firstText(topbar, '.breadcrumb .item-title') || textOf(doc.querySelector('#title .value')),
          url: `${page.origin}/${path}`,
        };
      },
    },
  ],
});
