// @vitest-environment happy-dom
import monday from '@/lib/integrations/sites/monday';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: monday,
  view: 'item panel beside a board',
  fixture: 'monday/item-panel.html',
  url: 'https://acme.monday.com/boards/1234567890/pulses/9876543210',
  issue: {
    externalId: 'monday_9876543210',
    key: '',
    title: 'Prepare the launch email',
    url: 'https://acme.monday.com/boards/1234567890/pulses/9876543210',
    project: 'Marketing sprint',
  },
  // Items have no key: the note is the title.
  note: 'Prepare the launch email',
  container: '.slide-panel-content',
  title: '[data-testid="editable-heading"] h2',
  next: {
    url: '/boards/1234567890/pulses/9876543211',
    swap(panel) {
      panel.querySelector('[data-testid="editable-heading"] h2')!.textContent = 'Book the webinar slot';
    },
    issue: { externalId: 'monday_9876543211', key: '', title: 'Book the webinar slot' },
  },
});

describePagesWithoutIssue(monday, [
  { view: 'a board without an open item', fixture: 'monday/board.html', url: 'https://acme.monday.com/boards/1234567890' },
  { view: 'a board whose item panel was just closed', fixture: 'monday/item-panel.html', url: 'https://acme.monday.com/boards/1234567890' },
]);

describe('monday.com, more cases', () => {
  it.each([
    ['a board view', 'https://acme.monday.com/boards/1234567890/views/55501/pulses/9876543210'],
    ['a query', 'https://acme.monday.com/boards/1234567890/pulses/9876543210?termId=1'],
    ['another account', 'https://globex.monday.com/boards/1234567890/pulses/9876543210'],
  ])('reads the item from the URL of %s', async (_, url) => {
    const page = new URL(url);
    expect(await issuesOn(monday, 'monday/item-panel.html', url)).toEqual([
      expect.objectContaining({ externalId: 'monday_9876543210', url: `${page.origin}/boards/1234567890/pulses/9876543210` }),
    ]);
  });

  it('places nothing on a URL whose item id is not a number', async () => {
    expect(await issuesOn(monday, 'monday/item-panel.html', 'https://acme.monday.com/boards/1234567890/pulses/new')).toEqual([]);
  });

  it('reads the board name from an older board header', async () => {
    const olderHeader = () => {
      const info = document.querySelector('[data-testid="board-info-container"]')!;
      const header = document.createElement('div');
      header.id = 'board-header';
      header.append(info.querySelector('h2')!);
      info.replaceWith(header);
    };
    const [issue] = await issuesOn(monday, 'monday/item-panel.html', 'https://acme.monday.com/boards/1234567890/pulses/9876543210', olderHeader);
    expect(issue).toMatchObject({ project: 'Marketing sprint' });
  });
});
