// @vitest-environment happy-dom
import trello from '@/lib/integrations/sites/trello';
import { describe, expect, it } from 'vitest';
import { startIntegrations } from '@/lib/integrations/start';
import { fakeMessenger, hosts, issuesOn, openPage, settle } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: trello,
  view: 'card back over a board',
  fixture: 'trello/card.html',
  url: 'https://trello.com/c/AbCd1234/42-write-release-notes',
  issue: {
    externalId: 'card_AbCd1234',
    key: '#42',
    title: 'Write release notes',
    url: 'https://trello.com/c/AbCd1234',
    project: 'Launch',
  },
  note: '#42 Write release notes',
  container: '[role="dialog"]',
  title: '[data-testid="card-back-title-input"]',
  next: {
    url: '/c/EfGh5678/43-plan-the-beta',
    swap: (dialog) => (dialog.querySelector('[data-testid="card-back-title-input"]')!.textContent = 'Plan the beta'),
    issue: { externalId: 'card_EfGh5678', key: '#43', title: 'Plan the beta' },
  },
});

// The button's usual place is the list-name row, the header's first row: a position, not a name.
// Trello reworks the card back often; without that row the card still gets its button.
const withoutHeaderRows = (root: Document | Element) => {
  const headers = root instanceof Element && root.matches('header') ? [root] : root.querySelectorAll('[data-testid="card-back-name"] header');
  for (const header of headers) for (const row of header.querySelectorAll(':scope > div > div')) row.replaceWith(...row.childNodes);
};

/** Where the button sits on the card back, after `tweak` changed the page. */
async function buttonParents(tweak: () => void = () => undefined): Promise<Array<Element | null>> {
  openPage('trello/card.html', 'https://trello.com/c/AbCd1234/42-write-release-notes');
  tweak();
  const stop = startIntegrations([trello], { messenger: fakeMessenger() });
  try {
    await settle();
    return hosts().map((host) => host.parentElement);
  } finally {
    stop();
  }
}

describeView({
  integration: trello,
  view: 'card back whose header has no list-name row',
  fixture: 'trello/card.html',
  tweak: withoutHeaderRows,
  url: 'https://trello.com/c/AbCd1234/42-write-release-notes',
  issue: {
    externalId: 'card_AbCd1234',
    key: '#42',
    title: 'Write release notes',
    url: 'https://trello.com/c/AbCd1234',
    project: 'Launch',
  },
  note: '#42 Write release notes',
  container: '[role="dialog"]',
  title: '[data-testid="card-back-title-input"]',
  next: {
    url: '/c/EfGh5678/43-plan-the-beta',
    swap: (dialog) => (dialog.querySelector('[data-testid="card-back-title-input"]')!.textContent = 'Plan the beta'),
    issue: { externalId: 'card_EfGh5678', key: '#43', title: 'Plan the beta' },
  },
});

describePagesWithoutIssue(trello, [{ view: 'a board without an open card', fixture: 'trello/board.html', url: 'https://trello.com/b/Xy12Ab34/launch' }]);

describe('Trello, more cases', () => {
  it('needs no number in the URL: a short card link notes the title alone', async () => {
    expect(await issuesOn(trello, 'trello/card.html', 'https://trello.com/c/AbCd1234')).toEqual([
      expect.objectContaining({ externalId: 'card_AbCd1234', key: '', title: 'Write release notes' }),
    ]);
  });

  it('puts the button in the list-name row while there is one, and only there', async () => {
    expect(await buttonParents()).toEqual([document.querySelector('[data-testid="card-back-name"] header > div > div:first-child')]);
  });

  it('falls back to the card back’s header, then to the card back itself', async () => {
    expect(await buttonParents(() => withoutHeaderRows(document))).toEqual([document.querySelector('[data-testid="card-back-name"] header')]);
    expect(await buttonParents(() => document.querySelector('[data-testid="card-back-name"] header')!.remove())).toEqual([document.querySelector('[data-testid="card-back-name"]')]);

    // What the card says does not depend on where its button is.
    const url = 'https://trello.com/c/AbCd1234/42-write-release-notes';
    const withoutHeader = () => document.querySelector('[data-testid="card-back-name"] header')!.remove();
    expect(await issuesOn(trello, 'trello/card.html', url, withoutHeader)).toEqual([
      expect.objectContaining({ externalId: 'card_AbCd1234', key: '#42', title: 'Write release notes', project: 'Launch' }),
    ]);
  });

  it('reads the title the user is typing', async () => {
    const issues = await issuesOn(trello, 'trello/card.html', 'https://trello.com/c/AbCd1234/42-write-release-notes', () => {
      document.querySelector<HTMLTextAreaElement>('[data-testid="card-back-title-input"]')!.value = 'Write the release notes';
    });
    expect(issues).toEqual([expect.objectContaining({ title: 'Write the release notes' })]);
  });
});
