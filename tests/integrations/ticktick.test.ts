// @vitest-environment happy-dom
import { routeOf } from '@/lib/integrations/define';
import ticktick from '@/lib/integrations/sites/ticktick';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const PROJECT = '6470a1b2c3d4e5f60718293a';
const TASK = '6470b2c3d4e5f60718293a4b';
const TASK_URL = `https://ticktick.com/webapp/#p/${PROJECT}/tasks/${TASK}`;

describeView({
  integration: ticktick,
  view: 'task detail pane',
  fixture: 'ticktick/task-detail.html',
  url: TASK_URL,
  issue: {
    externalId: `ticktick_task_${TASK}`,
    key: '',
    title: 'Renew the company domain',
    url: TASK_URL,
    project: 'Work',
  },
  // Tasks have no key: the note is the title.
  note: 'Renew the company domain',
  container: '#task-detail-view',
  title: '.task-title .CodeMirror-code',
  next: {
    url: `/webapp/#p/${PROJECT}/tasks/6470b2c3d4e5f60718293a4c`,
    swap(pane) {
      pane.querySelector('.task-title .CodeMirror-code')!.textContent = 'Send the March invoices';
    },
    issue: { externalId: 'ticktick_task_6470b2c3d4e5f60718293a4c', key: '', title: 'Send the March invoices' },
  },
});

describePagesWithoutIssue(ticktick, [
  { view: 'a list with no task open', fixture: 'ticktick/list.html', url: `https://ticktick.com/webapp/#p/${PROJECT}/tasks` },
]);

describe('TickTick, more cases', () => {
  it.each([
    ['a list', TASK_URL],
    ['a board (kanban)', `https://ticktick.com/webapp/#p/${PROJECT}/kanban/${TASK}`],
    ['the inbox', `https://ticktick.com/webapp/#p/inbox118234567/tasks/${TASK}`],
    ['Today', `https://ticktick.com/webapp/#q/all/today/${TASK}`],
    ['the Eisenhower matrix', `https://ticktick.com/webapp/#m/all/quadrant2/${TASK}`],
    ['a tag', `https://ticktick.com/webapp/#t/admin/tasks/${TASK}`],
    ['www.ticktick.com', `https://www.ticktick.com/webapp/#p/${PROJECT}/tasks/${TASK}`],
  ])('reads the task id from the fragment of %s', async (_, url) => {
    expect(await issuesOn(ticktick, 'ticktick/task-detail.html', url)).toEqual([
      expect.objectContaining({ externalId: `ticktick_task_${TASK}`, url }),
    ]);
  });

  it('counts a page as a task page by its fragment (a task without its button there is reported)', () => {
    const isTaskPage = (url: string) => ticktick.issuePages.test(routeOf(ticktick, new URL(url)));
    expect(isTaskPage(TASK_URL)).toBe(true);
    expect(isTaskPage(`https://ticktick.com/webapp/#q/all/today/${TASK}`)).toBe(true);
    expect(isTaskPage(`https://ticktick.com/webapp/#p/${PROJECT}/tasks`)).toBe(false);
    expect(isTaskPage('https://ticktick.com/webapp/')).toBe(false);
  });

  it('gives the task the address the page shows, without its query', async () => {
    const [issue] = await issuesOn(ticktick, 'ticktick/task-detail.html', `https://ticktick.com/webapp/?utm_source=mail#p/${PROJECT}/tasks/${TASK}`);
    expect(issue).toMatchObject({ url: TASK_URL });
  });

  it.each([
    ['a fragment naming a list only', `https://ticktick.com/webapp/#p/${PROJECT}`],
    ['a fragment naming no task', `https://ticktick.com/webapp/#q/all/today`],
    ['an id one character short', `https://ticktick.com/webapp/#p/${PROJECT}/tasks/${TASK.slice(1)}`],
    ['an id that is no TickTick id', `https://ticktick.com/webapp/#p/${PROJECT}/tasks/6470b2c3d4e5f6071829_a4b`],
    ['no fragment', 'https://ticktick.com/webapp/'],
  ])('places no button for %s', async (_, url) => {
    expect(await issuesOn(ticktick, 'ticktick/task-detail.html', url)).toEqual([]);
  });

  it('reads the title from the editor’s lines only: not the text CodeMirror measures with, no zero-width spaces', async () => {
    const [issue] = await issuesOn(ticktick, 'ticktick/task-detail.html', TASK_URL);
    expect(issue!.title).toBe('Renew the company domain');
    expect(document.querySelector('.task-title')!.textContent).toContain('xxxxxxxxxx');
  });

  it('leaves the project out when the pane shows none', async () => {
    const none = () => document.querySelector('.project-setting')!.remove();
    const [issue] = await issuesOn(ticktick, 'ticktick/task-detail.html', TASK_URL, none);
    expect(issue).toMatchObject({ externalId: `ticktick_task_${TASK}`, project: undefined });
  });
});
