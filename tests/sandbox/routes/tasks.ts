import { ApiError, badRequest, forbidden, notFound } from '../errors.ts';
import type { Params } from '../params.ts';
import {
  canCreateUnder,
  canEditTask,
  canView,
  isRoleId,
  PERMISSIONS,
  type PermissionName,
  permissionsOn,
  permsObject,
  ROLE,
  roleOn,
} from '../permissions.ts';
import { ok } from '../respond.ts';
import { nextId, type RoleId, type SandboxState, type SandboxUser, subtreeOf, type Task } from '../state.ts';
import type { RouteContext, Routes } from './types.ts';
import { flag } from './wire.ts';

export const TASK_COLORS = ['#4B9CD3', '#34C644', '#F5A623', '#D0021B', '#9013FE', '#50E3C2', '#B8E986', '#4A4A4A'];

/** TimeCamp stores task names HTML-escaped (PHP htmlspecialchars with ENT_QUOTES) and sends them that way. */
export function encodeEntities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' })[c] as string);
}

function usersObject(task: Task): Record<string, { user_id: string; role_id: string }> {
  const users: Record<string, { user_id: string; role_id: string }> = {};
  for (const [userId, roleId] of Object.entries(task.roles)) users[userId] = { user_id: userId, role_id: String(roleId) };
  return users;
}

/** A task as GET tasks lists it. */
function listedTask(state: SandboxState, user: SandboxUser, task: Task): Record<string, unknown> {
  return {
    task_id: String(task.task_id),
    parent_id: String(task.parent_id),
    assigned_by: String(task.assigned_by),
    name: task.name,
    external_task_id: task.external_task_id,
    external_parent_id: task.external_parent_id,
    level: String(task.level),
    archived: flag(task.archived),
    tags: task.tags,
    keywords: task.keywords,
    budgeted: String(task.budgeted),
    budget_unit: task.budget_unit,
    root_group_id: String(state.account.root_group_id),
    billable: flag(task.billable),
    note: task.note,
    public_hash: null,
    add_date: task.add_date,
    modify_time: task.modify_time,
    color: task.color,
    users: usersObject(task),
    perms: permsObject(permissionsOn(state, user, task)),
    user_access_type: roleOn(state, user, task),
  };
}

function minimalTask(task: Task): Record<string, unknown> {
  return {
    task_id: String(task.task_id),
    parent_id: String(task.parent_id),
    name: task.name,
    external_task_id: task.external_task_id,
    level: String(task.level),
    archived: flag(task.archived),
    color: task.color,
  };
}

/** A task as POST, PUT and DELETE tasks answer it. */
function taskDetail(state: SandboxState, task: Task): Record<string, unknown> {
  return {
    task_id: String(task.task_id),
    parent_id: String(task.parent_id),
    name: task.name,
    external_task_id: task.external_task_id,
    external_parent_id: task.external_parent_id,
    level: String(task.level),
    add_date: task.add_date,
    archived: flag(task.archived),
    color: task.color,
    tags: task.tags,
    budgeted: String(task.budgeted),
    checked_date: null,
    root_group_id: String(state.account.root_group_id),
    assigned_to: null,
    assigned_by: String(task.assigned_by),
    due_date: null,
    note: task.note,
    context: null,
    folder: null,
    repeat: null,
    billable: flag(task.billable),
    budget_unit: task.budget_unit,
    public_hash: null,
    modify_time: task.modify_time,
    keywords: task.keywords,
  };
}

function statusFilter(value: string | undefined): (task: Task) => boolean {
  switch (value) {
    case 'all':
      return () => true;
    case 'archived':
      return (task) => task.archived;
    default:
      return (task) => !task.archived;
  }
}

function requestedPerms(params: Params): PermissionName[] {
  const known = new Set<string>(Object.values(PERMISSIONS));
  return params.list('perms').map((name) => {
    if (!known.has(name)) throw badRequest(`Unknown permission: ${name}`);
    return name as PermissionName;
  });
}

function getTasks({ state, user, params }: RouteContext) {
  const ids = params.intList('task_id');
  const externalId = params.string('external_task_id');
  const specific = ids.length > 0 || (externalId !== undefined && externalId !== '');
  const ignoreAdminRights = params.bool('ignoreAdminRights') ?? false;
  const perms = requestedPerms(params);

  let tasks: Task[];
  if (specific) {
    const found =
      ids.length > 0
        ? ids.map((id) => state.tasks.get(id)).filter((t): t is Task => t !== undefined)
        : [...state.tasks.values()].filter((t) => t.external_task_id === externalId);
    if (found.length === 0) throw notFound('Task not found');
    tasks = found.filter((t) => canView(state, user, t, ignoreAdminRights));
    if (tasks.length === 0) throw forbidden('You do not have permissions to view this task');
    // Asking for a task by id finds it whatever its status, unless a status is asked for too.
    if (params.has('status')) tasks = tasks.filter(statusFilter(params.string('status')));
    if (tasks.length === 0) throw notFound('Task not found');
  } else {
    const matchesStatus = statusFilter(params.string('status'));
    tasks = [...state.tasks.values()].filter((t) => matchesStatus(t) && canView(state, user, t, ignoreAdminRights));
  }
  if (perms.length > 0) {
    tasks = tasks.filter((t) => {
      const granted = permissionsOn(state, user, t);
      return perms.every((p) => granted.has(p));
    });
  }

  const minimal = !specific && params.bit('minimal') === true;
  const result: Record<string, unknown> = {};
  for (const task of tasks.sort((a, b) => a.task_id - b.task_id)) {
    result[task.task_id] = minimal ? minimalTask(task) : listedTask(state, user, task);
  }
  return ok(result);
}

function parentFor(state: SandboxState, params: Params): Task | undefined {
  const parentId = params.int('parent_id') ?? 0;
  if (parentId === 0) return undefined;
  const parent = state.tasks.get(parentId);
  if (!parent) throw notFound('Parent task not found');
  return parent;
}

/** Roles `user_ids` + `role` ask to set on a task, checked. */
function requestedRoles(state: SandboxState, params: Params): Record<number, RoleId> {
  const userIds = params.intList('user_ids');
  if (userIds.length === 0) return {};
  const role = params.int('role') ?? ROLE.manager;
  if (!isRoleId(role) || role === ROLE.none) throw badRequest('Unknown role');
  const roles: Record<number, RoleId> = {};
  for (const userId of userIds) {
    if (!state.users.some((u) => u.user_id === userId)) throw badRequest(`No user with id ${userId}`);
    roles[userId] = role;
  }
  return roles;
}

function optionalText(params: Params, name: string): string | null | undefined {
  if (params.value(name) === undefined) return undefined;
  const text = params.string(name) ?? '';
  return text === '' ? null : text;
}

function budgetUnit(params: Params): 'hours' | 'fee' | undefined {
  const unit = params.string('budget_unit');
  if (unit === undefined || unit === '') return undefined;
  if (unit !== 'hours' && unit !== 'fee') throw badRequest('budget_unit must be hours or fee');
  return unit;
}

function postTask({ state, user, params, clock }: RouteContext) {
  const name = params.string('name')?.trim();
  if (!name) throw badRequest('You must provide a name for the task with post field: name');
  const parent = parentFor(state, params);
  if (!canCreateUnder(state, user, parent)) throw forbidden('You do not have permissions to create a task here');
  // Read (and refused if need be) before the new id is taken: a refusal changes nothing.
  const billable = params.bit('billable') ?? parent?.billable ?? true;
  const budgeted = params.int('budgeted') ?? 0;
  const unit = budgetUnit(params) ?? 'hours';
  const roles = requestedRoles(state, params);

  const taskId = nextId(state, 'task');
  const task: Task = {
    task_id: taskId,
    parent_id: parent?.task_id ?? 0,
    name: encodeEntities(name),
    external_task_id: optionalText(params, 'external_task_id') ?? null,
    external_parent_id: optionalText(params, 'external_parent_id') ?? null,
    level: (parent?.level ?? 0) + 1,
    archived: false,
    billable,
    color: params.string('color') || parent?.color || (TASK_COLORS[taskId % TASK_COLORS.length] as string),
    note: optionalText(params, 'note') ?? null,
    keywords: params.string('keywords') ?? params.string('tags') ?? '',
    tags: params.string('tags') ?? '',
    budgeted,
    budget_unit: unit,
    add_date: clock.localDateTime(),
    modify_time: null,
    assigned_by: user.user_id,
    roles: {},
  };
  // Whoever starts a project manages it; below that, roles are inherited.
  if (!parent) task.roles[user.user_id] = ROLE.manager;
  Object.assign(task.roles, roles);
  state.tasks.set(task.task_id, task);
  return ok({ [task.task_id]: taskDetail(state, task) }, 201);
}

/** The spec documents PUT's 403 with a message, DELETE's 403 and both 404s without a body. */
function editableTask({ state, user, params }: RouteContext, refusal: 'message' | 'empty'): Task {
  const taskId = params.int('task_id');
  if (taskId === undefined) throw badRequest('You must provide task_id');
  const task = state.tasks.get(taskId);
  if (!task) throw ApiError.empty(404, 'Task not found');
  if (!canEditTask(state, user, task)) {
    const message = 'You do not have permissions to modify this task or it does not exist';
    throw refusal === 'message' ? forbidden(message) : ApiError.empty(403, message);
  }
  return task;
}

function relevel(state: SandboxState, task: Task): void {
  const parentLevel = state.tasks.get(task.parent_id)?.level ?? 0;
  const offset = parentLevel + 1 - task.level;
  if (offset === 0) return;
  for (const t of subtreeOf(state, task.task_id)) t.level += offset;
}

/** A new name from PUT, checked; undefined when the name is not to change. */
function newName(params: Params): string | undefined {
  if (params.value('name') === undefined) return undefined;
  const name = params.string('name')?.trim();
  if (!name) throw badRequest('Task name cannot be empty');
  return encodeEntities(name);
}

function putTask(ctx: RouteContext) {
  const { state, params, clock } = ctx;
  const task = editableTask(ctx, 'message');

  // Everything is read, and refused if need be, before anything changes: a 400 leaves the task as it was.
  const name = newName(params);
  const moves = params.value('parent_id') !== undefined;
  const parent = moves ? parentFor(state, params) : undefined;
  if (parent && subtreeOf(state, task.task_id).includes(parent)) throw badRequest('A task cannot be moved under itself');
  const externalTaskId = optionalText(params, 'external_task_id');
  const externalParentId = optionalText(params, 'external_parent_id');
  const note = optionalText(params, 'note');
  const budgeted = params.int('budgeted');
  const unit = budgetUnit(params);
  const billable = params.bit('billable');
  const archived = params.bit('archived');
  const roles = requestedRoles(state, params);

  if (name !== undefined) task.name = name;
  if (moves) {
    task.parent_id = parent?.task_id ?? 0;
    relevel(state, task);
  }
  if (externalTaskId !== undefined) task.external_task_id = externalTaskId;
  if (externalParentId !== undefined) task.external_parent_id = externalParentId;
  if (note !== undefined) task.note = note;
  task.budgeted = budgeted ?? task.budgeted;
  task.budget_unit = unit ?? task.budget_unit;
  task.billable = billable ?? task.billable;
  task.keywords = params.string('keywords') ?? task.keywords;
  task.tags = params.string('tags') ?? task.tags;
  task.color = params.string('color') || task.color;
  // Archiving (or restoring) a task does the same to everything below it, as in TimeCamp.
  if (archived !== undefined) for (const t of subtreeOf(state, task.task_id)) t.archived = archived;
  Object.assign(task.roles, roles);
  task.modify_time = clock.localDateTime();
  return ok(taskDetail(state, task));
}

function deleteTask(ctx: RouteContext) {
  const { state } = ctx;
  const task = editableTask(ctx, 'empty');
  const removed = new Set(subtreeOf(state, task.task_id).map((t) => t.task_id));
  for (const id of removed) state.tasks.delete(id);
  for (const timer of state.timers.values()) if (timer.task_id !== null && removed.has(timer.task_id)) timer.task_id = null;
  return ok(taskDetail(state, task));
}

export const taskRoutes: Routes = {
  tasks: { GET: getTasks, POST: postTask, PUT: putTask, DELETE: deleteTask },
};
