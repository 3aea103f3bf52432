// @vitest-environment happy-dom
import asana from '@/lib/integrations/sites/asana';
import { defaultNote } from '@/lib/integrations/note';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: asana,
  view: 'task pane beside a project list',
  fixture: 'asana/task-pane.html',
  url: 'https://app.asana.com/1/1100000000000001/project/1200000000000002/task/1208123456789012',
  issue: {
    externalId: 'asana_1208123456789012',
    key: '',
    title: 'Draft the pricing page',
    url: 'https://app.asana.com/0/0/1208123456789012/f',
    project: 'Website relaunch',
  },
  // Asana tasks have no key: the note is the title.
  note: 'Draft the pricing page',
  container: '.TaskPane',
  title: '.TaskPaneTitle textarea',
  next: {
    url: '/1/1100000000000001/project/1200000000000002/task/1208123456789013',
    swap(pane) {
      pane.setAttribute('data-task-id', '1208123456789013');
      pane.querySelector('.TaskPaneTitle textarea')!.textContent = 'Review the hero copy';
    },
    issue: { externalId: 'asana_1208123456789013', key: '', title: 'Review the hero copy' },
  },
});

describePagesWithoutIssue(asana, [
  { view: 'a project list without an open task', fixture: 'asana/project-list.html', url: 'https://app.asana.com/1/1100000000000001/project/1200000000000002/list' },
]);

describe('Asana, more cases', () => {
  const withoutPaneId = () => document.querySelector('.TaskPane')!.removeAttribute('data-task-id');

  it.each([
    ['a task URL', 'https://app.asana.com/1/1100000000000001/project/1200000000000002/task/1208123456789012'],
    ['a legacy URL', 'https://app.asana.com/0/1200000000000002/1208123456789012'],
    ['a legacy full-screen URL', 'https://app.asana.com/0/1200000000000002/1208123456789012/f'],
    ['a search result', 'https://app.asana.com/0/search/1200000000000009/list?child=1208123456789012'],
  ])('finds the task in %s when the pane does not say', async (_, url) => {
    expect(await issuesOn(asana, 'asana/task-pane.html', url, withoutPaneId)).toEqual([expect.objectContaining({ externalId: 'asana_1208123456789012' })]);
  });

  it('takes no project id for a task id', async () => {
    expect(await issuesOn(asana, 'asana/task-pane.html', 'https://app.asana.com/0/1200000000000002', withoutPaneId)).toEqual([]);
  });

  it('notes a task as its title', async () => {
    const [issue] = await issuesOn(asana, 'asana/task-pane.html', 'https://app.asana.com/1/1100000000000001/project/1200000000000002/task/1208123456789012');
    expect(defaultNote(issue!)).toBe('Draft the pricing page');
  });
});
