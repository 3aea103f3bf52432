// The demo account's task tree: clients › projects › areas › tasks. Ids are handed out in tree
// order, so they are the same every run; tests find the tasks that matter through the landmarks
// (integration ids, encoded names, restricted access, archived) rather than by number.
import type { RoleId, AccountData, Task } from '../state.ts';
import { addDays } from '../zone.ts';
import { USER_IDS, type UserKey } from './people.ts';

const LANDMARK_KEYS = [
  'githubIssue',
  'githubPr',
  'jiraIssue',
  'gitlabIssue',
  'redmineIssue',
  'trelloCard',
  'asanaTask',
  'entityName',
  'quotedName',
  'notTrackable',
  'archivedProject',
  'internalMeetings',
] as const;
export type LandmarkKey = (typeof LANDMARK_KEYS)[number];

interface TaskSeed {
  /** As stored: HTML-entity encoded where TimeCamp would have encoded it. */
  name: string;
  landmark?: LandmarkKey;
  ext?: string;
  billable?: boolean;
  archived?: boolean;
  roles?: Partial<Record<UserKey, RoleId>>;
  note?: string;
  keywords?: string;
  color?: string;
  budget?: { value: number; unit: 'hours' | 'fee' };
  children?: TaskSeed[];
}

const AREA_TASKS: Record<string, readonly string[]> = {
  Design: [
    'Wireframes', 'Visual design', 'Design system tokens', 'Usability review', 'Icon set', 'Responsive layouts',
    'Accessibility audit',
  ],
  Frontend: [
    'Navigation component', 'Form validation', 'State management', 'Routing', 'Performance budget', 'Unit tests',
    'Cross-browser fixes', 'Checkout flow',
  ],
  Backend: [
    'REST endpoints', 'Database migrations', 'Authentication', 'Background jobs', 'Caching layer', 'API documentation',
    'Logging and monitoring',
  ],
  QA: ['Test plan', 'Regression suite', 'Exploratory testing', 'Bug triage', 'Release sign-off'],
  'Project management': ['Sprint planning', 'Client meetings', 'Status reports', 'Estimates', 'Retrospective'],
  DevOps: ['CI pipeline', 'Staging environment', 'Infrastructure as code', 'Backups', 'Security updates'],
};
const AREA_NAMES = Object.keys(AREA_TASKS);

function tree(): TaskSeed[] {
  // Each project starts the area and task catalogues at a different place, so projects differ.
  let rotation = 0;
  const areas = (count: number): TaskSeed[] => {
    const start = rotation++;
    return Array.from({ length: count }, (_, i) => {
      const areaName = AREA_NAMES[(start + i) % AREA_NAMES.length] as string;
      const catalogue = AREA_TASKS[areaName] as readonly string[];
      const children = Array.from({ length: 5 }, (_, k) => ({ name: catalogue[(start + k) % catalogue.length] as string }));
      return { name: areaName, children };
    });
  };
  const project = (name: string, extra: Partial<TaskSeed> = {}, areaCount = 4): TaskSeed => ({
    name,
    ...extra,
    children: [...(extra.children ?? []), ...areas(areaCount)],
  });
  /** An area holding one task imported from an issue tracker. */
  const tracker = (area: string, name: string, landmark: LandmarkKey, ext: string): TaskSeed[] => [
    { name: area, children: [{ name, landmark, ext }] },
  ];

  return [
    {
      name: 'Acme Corp',
      color: '#4B9CD3',
      children: [
        project(
          'Hello World app',
          {
            budget: { value: 400, unit: 'hours' },
            children: [
              {
                name: 'GitHub issues',
                children: [
                  {
                    name: 'Fix login redirect',
                    landmark: 'githubIssue',
                    ext: 'github_issue_octo/hello-world#12',
                    note: 'Reported by the client support team',
                  },
                  { name: 'Dark mode toggle', landmark: 'githubPr', ext: 'github_pr_octo/hello-world#40' },
                  { name: 'Old onboarding flow', archived: true },
                ],
              },
            ],
          },
          3,
        ),
        project(
          'Mobile App',
          { children: tracker('GitLab issues', 'Crash on start', 'gitlabIssue', 'gitlab_issue_gitlab.com/acme/app#5') },
          3,
        ),
        project('Legacy CMS Migration', { landmark: 'archivedProject', archived: true }),
      ],
    },
    {
      name: 'Globex Retail',
      color: '#34C644',
      roles: { jan: 1 },
      children: [
        project(
          'Data Platform',
          { children: tracker('Jira tickets', 'Export fails', 'jiraIssue', 'jira_issue_acme.atlassian.net/PROJ-7') },
          3,
        ),
        project('Storefront', { children: tracker('Trello board', 'Update product cards', 'trelloCard', 'card_AbC123xy') }, 3),
        project('Loyalty Program'),
      ],
    },
    {
      name: 'Initech Bank',
      color: '#F5A623',
      children: [
        // The demo user only reviews this one: may see it, may not track to it.
        project('Compliance Audit', { landmark: 'notTrackable', roles: { demo: 5 }, budget: { value: 25000, unit: 'fee' } }),
        project(
          'Customer Portal',
          { children: tracker('Redmine', 'Password reset email', 'redmineIssue', 'redmine_issue_redmine.example.org/123') },
          3,
        ),
        project('Mobile Banking'),
      ],
    },
    {
      name: 'Northwind Traders',
      color: '#9013FE',
      children: [
        project(
          'Marketing Site',
          { roles: { casey: 5 }, children: tracker('Asana tasks', 'Homepage copy review', 'asanaTask', 'asana_1200000000000001') },
          3,
        ),
        project('Inventory Dashboard'),
      ],
    },
    {
      name: 'Contoso Health',
      color: '#50E3C2',
      children: [project('Patient Portal'), project('Appointment Booking'), project('Data Migration')],
    },
    {
      name: 'Internal',
      color: '#4A4A4A',
      billable: false,
      children: [
        {
          name: 'R&amp;D &gt; Research',
          landmark: 'entityName',
          keywords: 'R&D, research',
          children: [{ name: 'Prototypes' }, { name: 'Tech radar' }],
        },
        { name: 'Team&#039;s &quot;Demo Day&quot;', landmark: 'quotedName' },
        {
          name: 'Admin',
          children: [
            { name: 'Meetings', landmark: 'internalMeetings' },
            { name: 'Recruiting' },
            { name: 'Training' },
            { name: 'Holidays' },
          ],
        },
      ],
    },
  ];
}

/** Older tasks first, two a day, all well in the past. */
function addDateFor(today: string, index: number): string {
  const hour = String(9 + (index % 8)).padStart(2, '0');
  const minute = String(index % 60).padStart(2, '0');
  return `${addDays(today, -400 + Math.floor(index / 2))} ${hour}:${minute}:00`;
}

export interface BuiltTree {
  landmarks: Record<LandmarkKey, number>;
}

/** Adds the demo tree to `state.tasks`, handing out ids in tree order. */
export function addDemoTasks(state: AccountData, today: string): BuiltTree {
  const landmarks: Partial<Record<LandmarkKey, number>> = {};
  let created = 0;

  const add = (seed: TaskSeed, parent: Task | undefined) => {
    state.ids.task += 1;
    created += 1;
    const roles: Record<number, RoleId> = {};
    for (const [key, role] of Object.entries(seed.roles ?? {})) roles[USER_IDS[key as UserKey]] = role;
    const task: Task = {
      task_id: state.ids.task,
      parent_id: parent?.task_id ?? 0,
      name: seed.name,
      external_task_id: seed.ext ?? null,
      external_parent_id: seed.ext && parent?.external_task_id ? parent.external_task_id : null,
      level: (parent?.level ?? 0) + 1,
      archived: seed.archived ?? parent?.archived ?? false,
      billable: seed.billable ?? parent?.billable ?? true,
      color: seed.color ?? parent?.color ?? '#4A4A4A',
      note: seed.note ?? null,
      keywords: seed.keywords ?? '',
      tags: '',
      budgeted: seed.budget?.value ?? 0,
      budget_unit: seed.budget?.unit ?? 'hours',
      add_date: addDateFor(today, created),
      modify_time: null,
      assigned_by: USER_IDS.demo,
      roles,
    };
    state.tasks.set(task.task_id, task);
    if (seed.landmark) landmarks[seed.landmark] = task.task_id;
    for (const child of seed.children ?? []) add(child, task);
  };
  for (const client of tree()) add(client, undefined);

  for (const key of LANDMARK_KEYS) if (landmarks[key] === undefined) throw new Error(`demo tree lacks landmark ${key}`);
  return { landmarks: landmarks as Record<LandmarkKey, number> };
}
