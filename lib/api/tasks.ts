import * as v from 'valibot';
import { ApiError } from './errors';
import { collection, flag, num, optionalDateTime, optionalId, optionalText, single, text } from './normalise';
import type { Transport } from './transport';

const TaskSchema = v.pipe(
  v.object({
    task_id: num,
    parent_id: v.optional(optionalId, null),
    // A minimal list may carry ids without names.
    name: v.optional(text, ''),
    external_task_id: v.optional(optionalText, null),
    external_parent_id: v.optional(optionalText, null),
    level: v.optional(num, 1),
    archived: v.optional(flag, false),
    billable: v.optional(flag, false),
    color: v.optional(optionalText, null),
    note: v.optional(text, ''),
    tags: v.optional(text, ''),
    keywords: v.optional(text, ''),
    budgeted: v.optional(num, 0),
    root_group_id: v.optional(optionalId, null),
    add_date: v.optional(optionalDateTime, null),
    modify_time: v.optional(optionalDateTime, null),
    user_access_type: v.optional(num),
    perms: v.optional(v.union([v.record(v.string(), num), v.array(v.unknown())])),
  }),
  v.transform((task) => ({
    taskId: task.task_id,
    parentId: task.parent_id,
    name: task.name,
    externalTaskId: task.external_task_id,
    externalParentId: task.external_parent_id,
    level: task.level,
    archived: task.archived,
    billable: task.billable,
    color: task.color,
    note: task.note,
    tags: task.tags,
    keywords: task.keywords,
    budgeted: task.budgeted,
    rootGroupId: task.root_group_id,
    addedAt: task.add_date,
    modifiedAt: task.modify_time,
    userAccessType: task.user_access_type ?? null,
    /** TimeCamp's permission flags by numeric id, as sent. */
    perms: Array.isArray(task.perms) || !task.perms ? {} : task.perms,
  })),
);
export type Task = v.InferOutput<typeof TaskSchema>;

// The answer to POST tasks carries fewer fields than a listed task.
const AddedTaskSchema = v.pipe(
  v.object({
    task_id: num,
    parent_id: v.optional(optionalId, null),
    name: text,
    external_task_id: v.optional(optionalText, null),
  }),
  v.transform((task) => ({
    taskId: task.task_id,
    parentId: task.parent_id,
    name: task.name,
    externalTaskId: task.external_task_id,
  })),
);
export type AddedTask = v.InferOutput<typeof AddedTaskSchema>;

export interface TaskQuery {
  status?: 'active' | 'archived' | 'all';
  /** Only tasks the user holds this permission on, e.g. `track_time` for a task picker. */
  perms?: 'track_time' | 'create_subtask' | 'edit_task_settings' | 'view_detailed_data';
  /** Fewer fields per task: faster for a large tree. */
  minimal?: boolean;
  ignoreAdminRights?: boolean;
}

export interface NewTask {
  name: string;
  parentId?: number;
  externalTaskId?: string;
  externalParentId?: string;
  billable?: boolean;
  note?: string;
  tags?: string;
  userIds?: number[];
  role?: number;
}

export type TaskChanges = Partial<Omit<NewTask, 'userIds' | 'role'>> & { archived?: boolean; color?: string };

/** Tasks document their flags as the integers 0 and 1, unlike entries' true/false. */
const bit = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

function newTaskParams(task: Partial<NewTask> & { archived?: boolean; color?: string }) {
  return {
    name: task.name,
    parent_id: task.parentId,
    external_task_id: task.externalTaskId,
    external_parent_id: task.externalParentId,
    billable: bit(task.billable),
    note: task.note,
    tags: task.tags,
    user_ids: task.userIds?.join(','),
    role: task.role,
    archived: bit(task.archived),
    color: task.color,
  };
}

export function tasksApi(http: Transport) {
  const query = (params: Record<string, string | number | boolean | undefined>) => http.read('tasks', params, collection(TaskSchema));

  return {
    /** The task tree as a flat list (each task knows its parent and level). */
    list: (options: TaskQuery = {}) =>
      query({
        status: options.status ?? 'active',
        perms: options.perms,
        minimal: options.minimal ? 1 : undefined,
        ignoreAdminRights: options.ignoreAdminRights,
      }),

    /** One task; a missing one is a `not-found` error. */
    get: (taskId: number) => http.read('tasks', { task_id: taskId, status: 'all' }, single(TaskSchema, 'task')),

    /** The task an issue is linked to through `external_task_id`, or null when none is. */
    async findByExternalId(externalTaskId: string): Promise<Task | null> {
      try {
        const tasks = await query({ external_task_id: externalTaskId, status: 'active' });
        return tasks.find((task) => task.externalTaskId === externalTaskId) ?? null;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not-found') return null;
        throw error;
      }
    },

    add: (task: NewTask) => http.write('POST', 'tasks', newTaskParams(task), single(AddedTaskSchema, 'new task')),

    update: (taskId: number, changes: TaskChanges) =>
      http.write('PUT', 'tasks', { task_id: taskId, ...newTaskParams(changes) }, v.unknown()).then(() => undefined),

    remove: (taskId: number) => http.write('DELETE', 'tasks', { task_id: taskId }, v.unknown()).then(() => undefined),
  };
}
