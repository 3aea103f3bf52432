import type { SandboxClock } from '../clock.ts';
import type { AccountData, SandboxState } from '../state.ts';
import { addActivities } from './activities.ts';
import { addLargeTasks } from './large.ts';
import {
  ACCOUNT_NAME,
  DEMO_TOKEN,
  ROOT_GROUP_ID,
  seedClients,
  seedTags,
  seedUsers,
  TAG_LIST,
  USER_IDS,
} from './people.ts';
import { addDemoTasks } from './tasks.ts';
import { addWeek } from './week.ts';

export { DEMO_TOKEN, USER_IDS } from './people.ts';
export { LARGE_TASK_COUNT } from './large.ts';

export type SeedKind = 'demo' | 'large';

/** Where numbering starts, chosen to look like a long-lived TimeCamp account. */
const FIRST_IDS = {
  task: 81_000_000,
  entry: 104_000_000,
  timer: 100,
  application: 795_629,
  windowTitle: 26_079_600,
  client: 18_856,
  invoice: 7,
  awayTime: 500,
};

/** A fresh demo account, relative to the clock's "today" in the account zone. Deterministic. */
export function createSeededState(clock: SandboxClock, kind: SeedKind): SandboxState {
  const today = clock.localDate();
  const clients = seedClients();
  const state: AccountData = {
    account: { root_group_id: ROOT_GROUP_ID, name: ACCOUNT_NAME, timeZone: clock.timeZone },
    users: seedUsers(today),
    tasks: new Map(),
    entries: new Map(),
    entryChanges: [],
    timers: new Map(),
    tagLists: new Map([[TAG_LIST.id, TAG_LIST]]),
    tags: new Map(seedTags().map((t) => [t.id, t])),
    applications: new Map(),
    windowTitles: new Map(),
    activities: [],
    clients: new Map(clients.map((c) => [c.clientId, c])),
    invoices: new Map(),
    attendance: [],
    awayTimes: [],
    ids: { ...FIRST_IDS },
  };

  const { landmarks } = addDemoTasks(state, today);
  const week = addWeek(state, clock, landmarks);
  addActivities(state, landmarks, week.recentDemoEntries);
  if (kind === 'large') addLargeTasks(state, today);

  const notTrackableLeaf = [...state.tasks.values()].find(
    (t) => t.level === 4 && isBelow(state, t.task_id, landmarks.notTrackable),
  );
  const demo: SandboxState['demo'] = {
    token: DEMO_TOKEN,
    userId: USER_IDS.demo,
    users: { noCreate: USER_IDS.marta, manager: USER_IDS.jan, guest: USER_IDS.casey },
    tasks: {
      githubIssue: landmarks.githubIssue,
      githubPr: landmarks.githubPr,
      jiraIssue: landmarks.jiraIssue,
      gitlabIssue: landmarks.gitlabIssue,
      redmineIssue: landmarks.redmineIssue,
      trelloCard: landmarks.trelloCard,
      asanaTask: landmarks.asanaTask,
      entityName: landmarks.entityName,
      quotedName: landmarks.quotedName,
      notTrackable: landmarks.notTrackable,
      notTrackableLeaf: notTrackableLeaf?.task_id ?? landmarks.notTrackable,
      archivedProject: landmarks.archivedProject,
      archived: [...state.tasks.values()].filter((t) => t.archived).map((t) => t.task_id),
      internalMeetings: landmarks.internalMeetings,
    },
    invoicedEntryId: week.invoicedEntryId,
    lockedEntryId: week.lockedEntryId,
    invoiceId: week.invoiceId,
    clientIds: clients.map((c) => c.clientId),
  };
  return { ...state, demo };
}

function isBelow(state: AccountData, taskId: number, ancestorId: number): boolean {
  for (let t = state.tasks.get(taskId); t; t = state.tasks.get(t.parent_id)) if (t.task_id === ancestorId) return true;
  return false;
}
