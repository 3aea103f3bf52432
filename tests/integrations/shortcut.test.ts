// @vitest-environment happy-dom
import shortcut from '@/lib/integrations/sites/shortcut';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const STORY = 'https://app.shortcut.com/acme/story/4321/fix-the-csv-export-encoding';

describeView({
  integration: shortcut,
  view: 'story dialog',
  fixture: 'shortcut/story-dialog.html',
  url: STORY,
  issue: {
    externalId: 'shortcut_story_acme/4321',
    key: 'sc-4321',
    title: 'Fix the CSV export encoding',
    url: 'https://app.shortcut.com/acme/story/4321',
    project: 'Data exports',
  },
  note: 'sc-4321 Fix the CSV export encoding',
  container: '.story-details',
  title: 'h2.story-name',
  next: {
    url: '/acme/story/4322/stream-large-exports',
    swap(story) {
      story.querySelector('.story-id input')!.setAttribute('value', '4322');
      story.querySelector('h2.story-name')!.textContent = 'Stream large exports';
    },
    issue: { externalId: 'shortcut_story_acme/4322', key: 'sc-4322', title: 'Stream large exports' },
  },
});

describePagesWithoutIssue(shortcut, [
  { view: 'the stories board with no story open', fixture: 'shortcut/stories-board.html', url: 'https://app.shortcut.com/acme/stories' },
]);

describe('Shortcut, more cases', () => {
  it.each([
    ['a story URL with its slug', STORY],
    ['a story URL without a slug', 'https://app.shortcut.com/acme/story/4321'],
    ['a story URL with a query', 'https://app.shortcut.com/acme/story/4321/fix-the-csv-export-encoding?comment=98765'],
  ])('reads the story from %s', async (_, url) => {
    expect(await issuesOn(shortcut, 'shortcut/story-dialog.html', url)).toEqual([
      expect.objectContaining({ externalId: 'shortcut_story_acme/4321', key: 'sc-4321', url: 'https://app.shortcut.com/acme/story/4321' }),
    ]);
  });

  it('keeps workspaces apart: the same story number in another workspace is another story', async () => {
    const [issue] = await issuesOn(shortcut, 'shortcut/story-dialog.html', 'https://app.shortcut.com/globex/story/4321/fix-the-csv-export-encoding');
    expect(issue).toMatchObject({ externalId: 'shortcut_story_globex/4321', url: 'https://app.shortcut.com/globex/story/4321' });
  });

  it('takes the number from the story the dialog shows', async () => {
    const other = () => document.querySelector('.story-id input')!.setAttribute('value', '4400');
    expect(await issuesOn(shortcut, 'shortcut/story-dialog.html', STORY, other)).toEqual([
      expect.objectContaining({ externalId: 'shortcut_story_acme/4400', key: 'sc-4400' }),
    ]);
  });

  it('reads the number from the URL when the dialog has no Story ID field', async () => {
    const bare = () => document.querySelector('.story-id')!.remove();
    expect(await issuesOn(shortcut, 'shortcut/story-dialog.html', STORY, bare)).toEqual([expect.objectContaining({ externalId: 'shortcut_story_acme/4321' })]);
  });

  it.each([['../1'], ['sc-4321 copied'], ['']])('refuses a Story ID field holding %j', async (value) => {
    const odd = () => document.querySelector('.story-id input')!.setAttribute('value', value);
    expect(await issuesOn(shortcut, 'shortcut/story-dialog.html', STORY, odd)).toEqual([]);
  });

  it('places nothing in a story dialog on a page whose URL names no story', async () => {
    expect(await issuesOn(shortcut, 'shortcut/story-dialog.html', 'https://app.shortcut.com/acme/stories')).toEqual([]);
  });

  it('names the project where an older story has one instead of an epic', async () => {
    const older = () => {
      const epic = document.querySelector('.story-epic')!;
      epic.classList.replace('story-epic', 'story-project');
      epic.querySelector('.value')!.textContent = 'Billing';
    };
    const [issue] = await issuesOn(shortcut, 'shortcut/story-dialog.html', STORY, older);
    expect(issue).toMatchObject({ project: 'Billing' });
  });

  it('still gets its button after the attributes when the State field is missing', async () => {
    const noState = () => document.querySelector('#story-dialog-state-dropdown')!.remove();
    expect(await issuesOn(shortcut, 'shortcut/story-dialog.html', STORY, noState)).toEqual([
      expect.objectContaining({ externalId: 'shortcut_story_acme/4321', title: 'Fix the CSV export encoding' }),
    ]);
  });
});
