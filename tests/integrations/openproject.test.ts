// @vitest-environment happy-dom
import openproject from '@/lib/integrations/sites/openproject';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const SUBJECT = '.work-packages--subject-type-row .inline-edit--display-field.subject';
const INFO = '.work-packages--info-row > span';
const HOST = 'https://community.openproject.com';

describeView({
  integration: openproject,
  view: 'full view',
  fixture: 'openproject/full-view.html',
  url: `${HOST}/projects/website-relaunch/work_packages/4711/activity`,
  issue: {
    externalId: 'openproject_workpackage_community.openproject.com/4711',
    key: '#4711',
    title: 'Migrate the newsletter sign-up form',
    url: `${HOST}/work_packages/4711`,
    project: 'Website relaunch',
  },
  note: '#4711 Migrate the newsletter sign-up form',
  container: '.work-packages--show-view',
  title: SUBJECT,
  next: {
    url: '/projects/website-relaunch/work_packages/4712/activity',
    swap(view) {
      view.querySelector(SUBJECT)!.textContent = 'Redirect the old blog URLs';
      view.querySelector(INFO)!.textContent = '#4712';
    },
    issue: { externalId: 'openproject_workpackage_community.openproject.com/4712', key: '#4712', title: 'Redirect the old blog URLs' },
  },
});

describeView({
  integration: openproject,
  view: 'split view',
  fixture: 'openproject/split-view.html',
  url: `${HOST}/projects/website-relaunch/work_packages/details/4711/overview`,
  issue: {
    externalId: 'openproject_workpackage_community.openproject.com/4711',
    key: '#4711',
    title: 'Migrate the newsletter sign-up form',
    url: `${HOST}/work_packages/4711`,
    project: 'Website relaunch',
  },
  note: '#4711 Migrate the newsletter sign-up form',
  container: '.work-packages--details',
  title: SUBJECT,
  next: {
    url: '/projects/website-relaunch/work_packages/details/4712/overview',
    swap(view) {
      view.querySelector(SUBJECT)!.textContent = 'Redirect the old blog URLs';
      view.querySelector(INFO)!.textContent = '#4712';
    },
    issue: { externalId: 'openproject_workpackage_community.openproject.com/4712', key: '#4712', title: 'Redirect the old blog URLs' },
  },
});

describePagesWithoutIssue(openproject, [
  { view: 'a work package list without the split view', fixture: 'openproject/list.html', url: `${HOST}/projects/website-relaunch/work_packages` },
]);

describe('OpenProject, more cases', () => {
  it.each([
    ['the full view without a project', 'full-view', 'https://openproject.example.org/work_packages/4711/activity'],
    ['the full view without a tab', 'full-view', 'https://openproject.example.org/work_packages/4711'],
    ['the split view beside a board', 'split-view', 'https://openproject.example.org/projects/website-relaunch/boards/3/details/4711/overview'],
    ['the split view in the notifications', 'split-view', 'https://openproject.example.org/notifications/details/4711/activity'],
    ['a URL with a query', 'split-view', 'https://openproject.example.org/projects/website-relaunch/work_packages/details/4711/overview?query_id=12'],
  ])('reads the work package from %s, with the host in the id', async (_, fixture, url) => {
    expect(await issuesOn(openproject, `openproject/${fixture}.html`, url)).toEqual([
      expect.objectContaining({
        externalId: 'openproject_workpackage_openproject.example.org/4711',
        key: '#4711',
        url: 'https://openproject.example.org/work_packages/4711',
      }),
    ]);
  });

  it('names the project only on a project page (elsewhere the menu offers to pick one)', async () => {
    const [issue] = await issuesOn(openproject, 'openproject/full-view.html', 'https://openproject.example.org/work_packages/4711/activity');
    expect(issue).toMatchObject({ title: 'Migrate the newsletter sign-up form' });
    expect(issue?.project).toBeUndefined();
  });

  it('keeps the base path of an instance served under a sub-path', async () => {
    const subPath = () => document.querySelector('meta[name="app_base_path"]')!.setAttribute('content', '/openproject/');
    const url = 'https://intranet.example.org/openproject/projects/website-relaunch/work_packages/4711/activity';
    expect(await issuesOn(openproject, 'openproject/full-view.html', url, subPath)).toEqual([
      expect.objectContaining({
        externalId: 'openproject_workpackage_intranet.example.org/openproject/4711',
        url: 'https://intranet.example.org/openproject/work_packages/4711',
      }),
    ]);
  });

  it('takes the number from the info row where the URL shows a project-based id', async () => {
    const semantic = () => (document.querySelector(INFO)!.textContent = 'WEB-15 (#4711)');
    const url = `${HOST}/projects/website-relaunch/work_packages/WEB-15/activity`;
    expect(await issuesOn(openproject, 'openproject/full-view.html', url, semantic)).toEqual([
      expect.objectContaining({ externalId: 'openproject_workpackage_community.openproject.com/4711', key: 'WEB-15', url: `${HOST}/work_packages/4711` }),
    ]);
  });

  it('places no button for a project-based id the page does not resolve (rather than a wrong id)', async () => {
    const other = () => (document.querySelector(INFO)!.textContent = 'WEB-16 (#4712)');
    const url = `${HOST}/projects/website-relaunch/work_packages/WEB-15/activity`;
    expect(await issuesOn(openproject, 'openproject/full-view.html', url, other)).toEqual([]);
    expect(await issuesOn(openproject, 'openproject/full-view.html', url)).toEqual([]);
  });

  it('refuses what is no work package: a copy form, a new one, an odd base path', async () => {
    expect(await issuesOn(openproject, 'openproject/split-view.html', `${HOST}/projects/website-relaunch/work_packages/details/4711/copy`)).toEqual([]);
    expect(await issuesOn(openproject, 'openproject/full-view.html', `${HOST}/projects/website-relaunch/work_packages/new`)).toEqual([]);
    const odd = () => document.querySelector('meta[name="app_base_path"]')!.setAttribute('content', '//evil.example/x');
    expect(await issuesOn(openproject, 'openproject/full-view.html', `${HOST}/work_packages/4711/activity`, odd)).toEqual([]);
  });

  it('places nothing for the list rows beside the split view: one button, for the open work package', async () => {
    const issues = await issuesOn(openproject, 'openproject/split-view.html', `${HOST}/projects/website-relaunch/work_packages/details/4711/overview`);
    expect(issues).toEqual([expect.objectContaining({ externalId: 'openproject_workpackage_community.openproject.com/4711' })]);
  });
});
