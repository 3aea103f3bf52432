// @vitest-environment happy-dom
import todoist from '@/lib/integrations/sites/todoist';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: todoist,
  view: 'task dialog',
  fixture: 'todoist/task-detail.html',
  url: 'https://app.todoist.com/app/task/write-the-release-notes-6X7rM8997g3RQmvh',
  issue: {
    externalId: 'todoist_6X7rM8997g3RQmvh',
    key: '',
    title: 'Write the release notes',
    url: 'https://app.todoist.com/app/task/6X7rM8997g3RQmvh',
    project: 'Work',
  },
  // Tasks have no key: the note is the title.
  note: 'Write the release notes',
  container: '[data-testid="task-details-modal"]',
  title: '.task-overview-content .task_content',
  next: {
    url: '/app/task/book-the-venue-6X7rM8997g3RQmvj',
    swap(dialog) {
      dialog.querySelector('.task-overview-content .task_content')!.textContent = 'Book the venue';
    },
    issue: { externalId: 'todoist_6X7rM8997g3RQmvj', key: '', title: 'Book the venue' },
  },
});

describeView({
  integration: todoist,
  view: 'list item',
  fixture: 'todoist/project-list.html',
  url: 'https://app.todoist.com/app/project/work-6Jf8VQXxpwv56VQ7',
  issuePage: false,
  issue: {
    externalId: 'todoist_6X7rM8997g3RQmvh',
    key: '',
    title: 'Write the release notes',
    url: 'https://app.todoist.com/app/task/6X7rM8997g3RQmvh',
    project: 'Work',
  },
  note: 'Write the release notes',
  container: '.task_list_item',
  title: '.task_list_item__content .task_content',
  next: {
    url: '/app/project/events-6Jf8VQXxpwv56VQ8',
    swap(row) {
      row.setAttribute('data-item-id', '6X7rM8997g3RQmvj');
      row.querySelector('.task_content')!.textContent = 'Book the venue';
    },
    issue: { externalId: 'todoist_6X7rM8997g3RQmvj', key: '', title: 'Book the venue' },
  },
});

describePagesWithoutIssue(todoist, [{ view: 'Today with nothing due', fixture: 'todoist/today-empty.html', url: 'https://app.todoist.com/app/today' }]);

describe('Todoist, more cases', () => {
  it.each([
    ['a URL with a slug', 'https://app.todoist.com/app/task/write-the-release-notes-6X7rM8997g3RQmvh', '6X7rM8997g3RQmvh'],
    ['a slug with numbers and hyphens', 'https://app.todoist.com/app/task/ar-xi-v-202403190000-202403192359-7814598409', '7814598409'],
    ['a URL without a slug', 'https://app.todoist.com/app/task/6X7rM8997g3RQmvh', '6X7rM8997g3RQmvh'],
    ['an older todoist.com URL', 'https://todoist.com/app/task/7814598409', '7814598409'],
    ['a URL with a query', 'https://app.todoist.com/app/task/write-the-release-notes-6X7rM8997g3RQmvh?comment=1', '6X7rM8997g3RQmvh'],
  ])('reads the task id from %s', async (_, url, id) => {
    const page = new URL(url);
    expect(await issuesOn(todoist, 'todoist/task-detail.html', url)).toEqual([
      expect.objectContaining({ externalId: `todoist_${id}`, url: `${page.origin}/app/task/${id}` }),
    ]);
  });

  it('places nothing in the dialog on a page that is no task', async () => {
    expect(await issuesOn(todoist, 'todoist/task-detail.html', 'https://app.todoist.com/app/inbox')).toEqual([]);
  });

  it('falls back to the data attributes Todoist gives the task when its title element changes', async () => {
    const renamed = () => document.querySelector('.task-overview-content')!.remove();
    const [issue] = await issuesOn(todoist, 'todoist/task-detail.html', 'https://app.todoist.com/app/task/6X7rM8997g3RQmvh', renamed);
    expect(issue).toMatchObject({ title: 'Write the release notes', project: 'Work' });
  });

  it('reads the project from the dialog header when the data attribute is missing', async () => {
    const bare = () => document.querySelector('[data-item-detail-root]')!.removeAttribute('data-item-project-name');
    const [issue] = await issuesOn(todoist, 'todoist/task-detail.html', 'https://app.todoist.com/app/task/6X7rM8997g3RQmvh', bare);
    expect(issue).toMatchObject({ project: 'Work' });
  });

  it('gives each row its own button, and names the project a row shows (Today, Upcoming)', async () => {
    const secondRow = () => {
      const row = document.querySelector('.task_list_item')!;
      const copy = row.cloneNode(true) as Element;
      copy.setAttribute('data-item-id', '7814598409');
      copy.querySelector('.task_content')!.textContent = 'Call the printer';
      const project = document.createElement('span');
      project.className = 'task_list_item__project';
      project.textContent = 'Errands';
      copy.querySelector('.task_list_item__content')!.append(project);
      row.after(copy);
    };
    expect(await issuesOn(todoist, 'todoist/project-list.html', 'https://app.todoist.com/app/project/work-6Jf8VQXxpwv56VQ7', secondRow)).toEqual([
      expect.objectContaining({ externalId: 'todoist_6X7rM8997g3RQmvh', title: 'Write the release notes', project: 'Work' }),
      expect.objectContaining({ externalId: 'todoist_7814598409', title: 'Call the printer', project: 'Errands' }),
    ]);
  });

  it('refuses row ids that are no Todoist ids', async () => {
    const odd = () => document.querySelector('.task_list_item')!.setAttribute('data-item-id', '_tmp/1');
    expect(await issuesOn(todoist, 'todoist/project-list.html', 'https://app.todoist.com/app/project/work-6Jf8VQXxpwv56VQ7', odd)).toEqual([]);
  });
});
