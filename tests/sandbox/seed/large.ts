// 10,000 more tasks for performance work: one client, 9 programmes × 10 areas × 110 tasks
// (1 + 9 × (1 + 10 × (1 + 110)) = 10,000). Plain loops and string templates keep start-up fast.
import type { AccountData, Task } from '../state.ts';
import { addDays } from '../zone.ts';
import { USER_IDS } from './people.ts';

export const LARGE_TASK_COUNT = 10_000;

const PROGRAMMES = [
  'Payments', 'Identity', 'Search', 'Analytics', 'Mobile', 'Marketplace', 'Notifications', 'Billing', 'Support Tools',
];
const AREAS = ['Design', 'Frontend', 'Backend', 'QA', 'DevOps', 'Security', 'Data', 'Docs', 'Research', 'Support'];
const VERBS = ['Refactor', 'Fix', 'Add', 'Remove', 'Migrate', 'Document', 'Test', 'Speed up', 'Review', 'Design'];
const NOUNS = [
  'invoice export', 'login form', 'search index', 'audit log', 'user settings', 'rate limiter', 'report builder',
  'webhook retries', 'CSV import', 'session handling', 'email templates',
];
const TASKS_PER_AREA = 110;

export function addLargeTasks(state: AccountData, today: string): void {
  const addDate = `${addDays(today, -90)} 10:00:00`;
  const add = (parent: Task | undefined, name: string, externalId: string | null = null): Task => {
    state.ids.task += 1;
    const task: Task = {
      task_id: state.ids.task,
      parent_id: parent?.task_id ?? 0,
      name,
      external_task_id: externalId,
      external_parent_id: null,
      level: (parent?.level ?? 0) + 1,
      archived: false,
      billable: true,
      color: '#D0021B',
      note: null,
      keywords: '',
      tags: '',
      budgeted: 0,
      budget_unit: 'hours',
      add_date: addDate,
      modify_time: null,
      assigned_by: USER_IDS.demo,
      roles: {},
    };
    state.tasks.set(task.task_id, task);
    return task;
  };

  const client = add(undefined, 'Umbrella Group');
  let n = 0;
  for (const programme of PROGRAMMES) {
    const project = add(client, programme);
    for (const areaName of AREAS) {
      const area = add(project, `${programme} ${areaName}`);
      for (let i = 0; i < TASKS_PER_AREA; i++) {
        n += 1;
        const name = `${VERBS[n % VERBS.length]} ${NOUNS[n % NOUNS.length]} ${n}`;
        // Every tenth task came in from the client's Jira.
        add(area, name, n % 10 === 0 ? `jira_issue_umbrella.atlassian.net/UMB-${n}` : null);
      }
    }
  }
}
