// The sandbox's in-memory account. Fields hold values in their natural types; the routes
// turn them into the strings-and-numbers mix the real server sends.

/** Role ids as TimeCamp uses them on tasks; 0 marks "no access" (the task is invisible). */
export type RoleId = 0 | 1 | 3 | 5;

export interface UserPermissions {
  time_tracking_admin: boolean;
  create_projects: boolean;
  can_view_rates: boolean;
}

export interface SandboxUser {
  user_id: number;
  email: string;
  display_name: string;
  token: string;
  group_id: number;
  register_time: string;
  login_time: string;
  synch_time: string;
  login_count: number;
  permissions: UserPermissions;
  /** A guest (e.g. a client's reviewer) may look but never track time. */
  guest: boolean;
  /** Role on every task where no role is set on the task or one of its ancestors. */
  default_role: RoleId;
}

export interface Task {
  task_id: number;
  /** 0 for a top-level task. */
  parent_id: number;
  /** Stored the way TimeCamp stores it: HTML-entity encoded. */
  name: string;
  external_task_id: string | null;
  external_parent_id: string | null;
  level: number;
  archived: boolean;
  billable: boolean;
  color: string;
  note: string | null;
  keywords: string;
  tags: string;
  budgeted: number;
  budget_unit: 'hours' | 'fee';
  add_date: string;
  modify_time: string | null;
  assigned_by: number;
  /** Roles set on this task; children inherit them. */
  roles: Record<number, RoleId>;
}

export interface Entry {
  id: number;
  user_id: number;
  /** 0 when the entry has no task. */
  task_id: number;
  date: string;
  start_time: string;
  end_time: string;
  /** Seconds. */
  duration: number;
  description: string;
  billable: boolean;
  /** 0 when not invoiced; an invoiced entry is locked. */
  invoiceId: number;
  /** Locked for another reason (an approved timesheet). */
  locked: boolean;
  last_modify: string;
  tagIds: number[];
}

export interface EntryChange {
  event_type: 'add' | 'edit' | 'delete';
  edited: string;
  old_time_span: number;
  new_time_span: number;
  entry: Entry;
}

export interface RunningTimer {
  timer_id: number;
  user_id: number;
  task_id: number | null;
  /** Epoch ms. */
  started_at: number;
  entry_id: number;
}

export interface TagList {
  id: number;
  name: string;
}

export interface Tag {
  id: number;
  listId: number;
  name: string;
  mandatory: boolean;
}

export interface Application {
  application_id: number;
  app_name: string;
  /** The website's domain when app_name is "Internet" (the misspelling is TimeCamp's). */
  aditional_info: string;
  full_name: string | null;
  category_id: number;
}

export interface WindowTitle {
  window_title_id: number;
  window_title: string;
}

export interface Activity {
  user_id: number;
  application_id: number;
  window_title_id: number;
  /** Local 'YYYY-MM-DD HH:MM:SS'. */
  end_time: string;
  /** Seconds. */
  time_span: number;
  task_id: number;
  entry_id: number;
}

export interface Client {
  clientId: number;
  firstName: string;
  lastName: string;
  organizationName: string;
  address: string;
  currencyId: number;
  email: string;
  addedBy: number;
  added: string;
}

export type InvoiceStatus = 0 | 1 | 2;

export interface Invoice {
  invoiceId: number;
  clientId: number;
  invoiceNumber: string;
  description: string;
  issueDate: string;
  dueDate: string;
  editDate: string;
  status: InvoiceStatus;
  addDate: string;
  paidDate: string;
  noteToClient: string;
  poNumber: string;
  userId: number;
  currencyId: number;
  /** Hourly rate used for the invoice lines. */
  unitCost: number;
  publicHash: string;
  entryIds: number[];
}

export interface AttendanceDay {
  user_id: number;
  date: string;
  start_time: string;
  end_time: string;
  /** Seconds worked. */
  total_time: number;
  approved: boolean;
}

export interface AwayPeriod {
  away_time_id: number;
  user_id: number;
  /** Local 'YYYY-MM-DD HH:MM:SS'. */
  start_time: string;
  end_time: string;
  description: string;
}

/** Seeded objects that tests and demos look up by role rather than by id. */
export interface DemoLandmarks {
  token: string;
  userId: number;
  /** Demo user's peers: a user without create permission, a project manager, a guest. */
  users: { noCreate: number; manager: number; guest: number };
  tasks: {
    githubIssue: number;
    githubPr: number;
    jiraIssue: number;
    gitlabIssue: number;
    redmineIssue: number;
    trelloCard: number;
    asanaTask: number;
    /** Name stored as 'R&amp;D &gt; Research'. */
    entityName: number;
    /** Name with &quot; and &#039;. */
    quotedName: number;
    /** A project (and its subtree) the demo user may see but not track to. */
    notTrackable: number;
    notTrackableLeaf: number;
    archivedProject: number;
    archived: number[];
    /** A plain, trackable, non-billable task ("Internal › Admin › Meetings"). */
    internalMeetings: number;
  };
  invoicedEntryId: number;
  lockedEntryId: number;
  invoiceId: number;
  clientIds: number[];
}

export interface IdCounters {
  task: number;
  entry: number;
  timer: number;
  application: number;
  windowTitle: number;
  client: number;
  invoice: number;
  awayTime: number;
}

export interface SandboxState {
  account: { root_group_id: number; name: string; timeZone: string };
  users: SandboxUser[];
  tasks: Map<number, Task>;
  entries: Map<number, Entry>;
  entryChanges: EntryChange[];
  /** Running timers by user id: TimeCamp allows one per user. */
  timers: Map<number, RunningTimer>;
  tagLists: Map<number, TagList>;
  tags: Map<number, Tag>;
  applications: Map<number, Application>;
  windowTitles: Map<number, WindowTitle>;
  activities: Activity[];
  clients: Map<number, Client>;
  invoices: Map<number, Invoice>;
  attendance: AttendanceDay[];
  awayTimes: AwayPeriod[];
  /** The last id handed out per kind. */
  ids: IdCounters;
  demo: DemoLandmarks;
}

/** The account without its landmarks: what seeding builds before it knows the landmark ids. */
export type AccountData = Omit<SandboxState, 'demo'>;

export function nextId(state: Pick<SandboxState, 'ids'>, kind: keyof IdCounters): number {
  state.ids[kind] += 1;
  return state.ids[kind];
}

export function findUserByToken(state: SandboxState, token: string): SandboxUser | undefined {
  return state.users.find((u) => u.token === token);
}

export function findUser(state: SandboxState, userId: number): SandboxUser | undefined {
  return state.users.find((u) => u.user_id === userId);
}

/** An entry refuses edits once invoiced or locked by an approval. */
export function isEntryLocked(entry: Entry): boolean {
  return entry.locked || entry.invoiceId !== 0;
}

/** The task and every task below it. */
export function subtreeOf(state: SandboxState, taskId: number): Task[] {
  const byParent = new Map<number, Task[]>();
  for (const task of state.tasks.values()) {
    const siblings = byParent.get(task.parent_id);
    if (siblings) siblings.push(task);
    else byParent.set(task.parent_id, [task]);
  }
  const root = state.tasks.get(taskId);
  if (!root) return [];
  const result: Task[] = [];
  const pending: Task[] = [root];
  for (let task = pending.pop(); task; task = pending.pop()) {
    result.push(task);
    pending.push(...(byParent.get(task.task_id) ?? []));
  }
  return result;
}
