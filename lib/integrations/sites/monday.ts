import { defineIntegration, type SiteInfo } from '../define';
import { nearest, textOf } from '../read';

// monday.com items ("pulses") opened from a board: `<account>.monday.com/boards/<boardId>/pulses/<itemId>`,
// also under a board view (`/boards/<boardId>/views/<viewId>/pulses/<itemId>`). TimeCamp's
// server-side monday.com integration imports items as `monday_<itemId>`, so the buttons use that id.
// Items have no key: the note is the title.
const ITEM = /^\/boards\/(\d+)\/(?:[^?#]*\/)?pulses\/(\d+)\/?(?:\?|$)/;

export const about = { id: 'monday', name: 'monday.com', matches: [], selfHosted: false, optionalHosts: ['https://*.monday.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: ITEM,
  places: [
    {
      // The item panel beside the board: the button goes after the row with the item's name.
      name: 'item',
      url: ITEM,
      anchor: '.slide-panel-content .item-page-header-details-wrapper__top',
      position: 'after',
      read(anchor, page) {
        const [, board, item] = ITEM.exec(page.pathname) ?? [];
        if (!board || !item) return null;
        const doc = anchor.ownerDocument;
        return {
          externalId: `monday_${item}`,
          key: '',
          title: textOf(nearest(anchor, '.item-page-item-name, [data-testid="editable-heading"]')),
          url: `${page.origin}/boards/${board}/pulses/${item}`,
          // The board's name, in its header.
          project: textOf(doc.querySelector('[data-testid="board-info-container"]') ?? doc.querySelector('#board-header h2')) || undefined,
        };
      },
    },
  ],
});
