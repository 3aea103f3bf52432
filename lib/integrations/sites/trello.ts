import { defineIntegration, type SiteInfo } from '../define';
import { nearest, textOf } from '../read';

// trello.com card backs: the card dialog over a board, and a card's own page. TimeCamp's
// server-side Trello integration imports cards as `card_<shortLink>`, so the buttons use that id.
// A card's URL is `/c/<shortLink>/<idShort>-<slug>`; the short form `/c/<shortLink>` has no number.
const CARD = /^\/c\/([A-Za-z0-9]+)(?:\/(\d+)-)?/;

export const about = { id: 'trello', name: 'Trello', matches: ['https://trello.com/*'], selfHosted: false } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/c\/[A-Za-z0-9]+/,
  places: [
    {
      name: 'card',
      url: /^\/c\/[A-Za-z0-9]+/,
      anchor: [
        // The list-name row at the top of the card back, above the title: found by its position only.
        '[data-testid="card-back-name"] header > div > div:first-child',
        // When Trello renders the header otherwise: its end; without a header, after the title.
        '[data-testid="card-back-name"] header',
        '[data-testid="card-back-name"]',
      ],
      position: 'inside',
      read(anchor, page) {
        const [, shortLink, idShort] = CARD.exec(page.pathname) ?? [];
        if (!shortLink) return null;
        return {
          externalId: `card_${shortLink}`,
          key: idShort ? `#${idShort}` : '',
          // The title is a form field (its value changes while the user edits it); older cards have `#card-back-name`.
          title: textOf(nearest(anchor, '[data-testid="card-back-title-input"], #card-back-name')),
          url: `${page.origin}/c/${shortLink}`,
          project: textOf(anchor.ownerDocument.querySelector('[data-testid="board-name-display"]')) || undefined,
        };
      },
    },
  ],
});
