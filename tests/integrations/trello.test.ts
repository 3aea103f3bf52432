// @vitest-environment happy-dom
import trello from '@/lib/integrations/sites/trello';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
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

describePagesWithoutIssue(trello, [{ view: 'a board without an open card', fixture: 'trello/board.html', url: 'https://trello.com/b/Xy12Ab34/launch' }]);

describe('Trello, more cases', () => {
  it('needs no number in the URL: a short card link notes the title alone', async () => {
    expect(await issuesOn(trello, 'trello/card.html', 'https://trello.com/c/AbCd1234')).toEqual([
      expect.objectContaining({ externalId: 'card_AbCd1234', key: '', title: 'Write release notes' }),
    ]);
  });

  it('reads the title the user is typing', async () => {
    const issues = await issuesOn(trello, 'trello/card.html', 'https://trello.com/c/AbCd1234/42-write-release-notes', () => {
      document.querySelector<HTMLTextAreaElement>('[data-testid="card-back-title-input"]')!.value = 'Write the release notes';
    });
    expect(issues).toEqual([expect.objectContaining({ title: 'Write the release notes' })]);
  });
});
