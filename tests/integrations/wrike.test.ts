// @vitest-environment happy-dom
import { routeOf } from '@/lib/integrations/define';
import wrike from '@/lib/integrations/sites/wrike';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const WORKSPACE = 'https://www.wrike.com/workspace.htm?acc=2034463';
const TABLE = `${WORKSPACE}#/folder/4325791241/tableV2?viewId=304740746`;

describeView({
  integration: wrike,
  view: 'task page',
  fixture: 'wrike/task-page.html',
  url: `${WORKSPACE}#/task-view?id=1519920194`,
  issue: {
    externalId: 'wrike_task_1519920194',
    key: '',
    title: 'Prepare the Q3 campaign brief',
    url: 'https://www.wrike.com/open.htm?id=1519920194',
    project: 'Marketing campaigns',
  },
  // Tasks show no key: the note is the title.
  note: 'Prepare the Q3 campaign brief',
  container: '.work-item-header',
  title: '[data-application="work-item-title"] textarea',
  next: {
    url: '/workspace.htm?acc=2034463#/task-view?id=1519920196',
    swap(header) {
      header.querySelector('textarea')!.value = 'Order the event banners';
    },
    issue: { externalId: 'wrike_task_1519920196', key: '', title: 'Order the event banners' },
  },
});

describeView({
  integration: wrike,
  view: 'side panel',
  fixture: 'wrike/side-panel.html',
  url: `${TABLE}&sidePanelItemId=1519920195`,
  issue: {
    externalId: 'wrike_task_1519920195',
    key: '',
    title: 'Book the usability tests',
    url: 'https://www.wrike.com/open.htm?id=1519920195',
    project: 'Website relaunch',
  },
  note: 'Book the usability tests',
  container: '.side-panel',
  title: '[data-application="work-item-title"] textarea',
  next: {
    url: '/workspace.htm?acc=2034463#/folder/4325791241/tableV2?viewId=304740746&sidePanelItemId=1519920197',
    swap(panel) {
      panel.querySelector('textarea')!.value = 'Collect the page inventory';
    },
    issue: { externalId: 'wrike_task_1519920197', key: '', title: 'Collect the page inventory' },
  },
});

describePagesWithoutIssue(wrike, [{ view: 'a table with no task open', fixture: 'wrike/folder-table.html', url: TABLE }]);

describe('Wrike, more cases', () => {
  it.each([
    ['the full-page task view', `${WORKSPACE}#/task-view?id=1519920194&pid=1437271030&cid=823474820`, '1519920194'],
    ['a side panel', `${TABLE}&sidePanelItemId=1519920194`, '1519920194'],
    ['a side panel, hash without a slash', 'https://app-eu.wrike.com/workspace.htm?acc=1891048#folder/1477588191/tableV2?viewId=1&sidePanelItemId=1519920194', '1519920194'],
    ['an overlay', `${WORKSPACE}#/folder/4325791241/board?overlayEntityId=1519920194`, '1519920194'],
    ['an overlay over a side panel', `${TABLE}&sidePanelItemId=1519920195&overlayEntityId=1519920194`, '1519920194'],
    ['the inbox', `${WORKSPACE}#/inbox/work_item/1519920194`, '1519920194'],
    ['the older inbox form', `${WORKSPACE}#/inbox/task/1519920194`, '1519920194'],
  ])('reads the task id from %s', async (_, url, id) => {
    const page = new URL(url);
    expect(await issuesOn(wrike, 'wrike/task-page.html', url)).toEqual([
      expect.objectContaining({ externalId: `wrike_task_${id}`, url: `${page.origin}/open.htm?id=${id}` }),
    ]);
  });

  it('counts a page as a task page by its hash (a task without its button there is reported)', () => {
    const isTaskPage = (url: string) => wrike.issuePages.test(routeOf(wrike, new URL(url)));
    expect(isTaskPage(`${WORKSPACE}#/task-view?id=1519920194`)).toBe(true);
    expect(isTaskPage(`${TABLE}&sidePanelItemId=1519920194`)).toBe(true);
    expect(isTaskPage(`${WORKSPACE}#/inbox/work_item/1519920194`)).toBe(true);
    expect(isTaskPage(TABLE)).toBe(false);
    expect(isTaskPage(`${WORKSPACE}#/folder?id=4325791241`)).toBe(false);
    expect(isTaskPage(WORKSPACE)).toBe(false);
  });

  it.each([
    ['no task in the hash', TABLE],
    ['an id in the hash of a view that is no task view', `${WORKSPACE}#/folder?id=4325791241`],
    ['a side panel id that is no Wrike id', `${TABLE}&sidePanelItemId=IEAGSXWVKRQ7PTPF`],
    ['an id with more after it', `${WORKSPACE}#/task-view?id=1519920194x`],
  ])('places no button for %s', async (_, url) => {
    expect(await issuesOn(wrike, 'wrike/task-page.html', url)).toEqual([]);
  });

  it('reads the title from the header when the text field is gone', async () => {
    const bare = () => document.querySelector('textarea')!.remove();
    const [issue] = await issuesOn(wrike, 'wrike/task-page.html', `${WORKSPACE}#/task-view?id=1519920194`, bare);
    expect(issue).toMatchObject({ title: 'Prepare the Q3 campaign brief' });
  });

  it('names no project for a task filed in two places', async () => {
    const second = () => {
      const chip = document.querySelector('.work-item-location .chip')!;
      const copy = chip.cloneNode(true) as Element;
      copy.querySelector('.chip__content')!.textContent = 'Website relaunch';
      chip.after(copy);
    };
    const [issue] = await issuesOn(wrike, 'wrike/task-page.html', `${WORKSPACE}#/task-view?id=1519920194`, second);
    expect(issue).toMatchObject({ externalId: 'wrike_task_1519920194' });
    expect(issue?.project).toBeUndefined();
  });

  it('finds the action panel by its plain class too, as Toggl does', async () => {
    const older = () => document.querySelector('action-panel')!.classList.remove('work-item-header__action-panel');
    const url = `${WORKSPACE}#/task-view?id=1519920194`;
    expect(await issuesOn(wrike, 'wrike/task-page.html', url, older)).toEqual([expect.objectContaining({ externalId: 'wrike_task_1519920194' })]);
  });
});
