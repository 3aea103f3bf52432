import { ApiError, isApiError, type AddedTask, type NewTask, type Task, type TimeCampClient } from '@/lib/api';
import type { IssueRef } from '@/lib/storage/timer';
import { addNodesToCache } from './cache';
import { issueLinks } from './issue-links';
import { isPickable, pathTextOf, type TaskNode } from './tree';

/** The settings that decide which task an issue's timer goes to. */
export interface IssueTaskSettings {
  /** Task for issues of any integration without a task of their own. */
  defaultTaskId?: number | null;
  /** Per integration id; wins over `defaultTaskId`. */
  defaultTaskByIntegration?: Partial<Record<string, number>>;
  /** Create a task for an issue that has none (and no remembered or default task). */
  createTasks?: boolean;
  /** Where created tasks go, per integration id; absent: a top-level task named after the integration. */
  parentTaskByIntegration?: Partial<Record<string, number>>;
}

export interface ResolveIssueDeps {
  tasks: Pick<TimeCampClient['tasks'], 'findByExternalId' | 'add'>;
  /** The account's cached tree (every node, pickable or not). */
  nodes: readonly TaskNode[];
  /** Whose cache created tasks are added to (see `accountKeyOf`). */
  accountKey: string;
  settings: IssueTaskSettings;
  /** An integration's display name (`GitHub`), for the top-level task created tasks go under. */
  integrationName: (integration: string) => string;
  /** The name of a task created for an issue: the note template, applied (`#12 Fix login redirect`). */
  note: (issue: IssueRef) => string;
}

export type IssueTaskResolution =
  | { taskId: number; via: 'linked' | 'remembered' | 'default' | 'created' }
  /** No usable task, or TimeCamp refused to create one: the caller asks the user. */
  | { taskId: null };

/**
 * The task an issue's timer goes to, in this order: the task linked to the
 * issue by its external id; the task the user chose for it before; the
 * integration's default task, then the general default; a task created for
 * it (when the settings ask for that); else none.
 */
export async function resolveIssueTask(issue: IssueRef, deps: ResolveIssueDeps): Promise<IssueTaskResolution> {
  const linked = await linkedTask(issue.externalId, deps);
  if (linked.usable) return { taskId: linked.usable.taskId, via: 'linked' };

  const pickable = new Map<number, TaskNode>();
  for (const node of deps.nodes) if (isPickable(node)) pickable.set(node.taskId, node);

  const remembered = (await issueLinks.getValue())[issue.externalId];
  if (remembered !== undefined && pickable.has(remembered)) return { taskId: remembered, via: 'remembered' };

  const { settings } = deps;
  for (const taskId of [settings.defaultTaskByIntegration?.[issue.integration], settings.defaultTaskId]) {
    if (taskId != null && pickable.has(taskId)) return { taskId, via: 'default' };
  }

  // The issue has a task this user may not track to: a second one with the same external id would split its time.
  if (settings.createTasks && !linked.exists) {
    const taskId = await createOnce(issue, deps);
    if (taskId !== null) return { taskId, via: 'created' };
  }
  return { taskId: null };
}

interface Linked {
  /** The linked task, when the user may track to it. */
  usable: TaskNode | null;
  /** A linked task exists, usable or not. */
  exists: boolean;
}

async function linkedTask(externalId: string, deps: ResolveIssueDeps): Promise<Linked> {
  const cached = deps.nodes.find((node) => node.externalTaskId === externalId && !node.archived);
  if (cached) return { usable: cached.trackable ? cached : null, exists: true };

  let task: Task | null;
  try {
    task = await deps.tasks.findByExternalId(externalId);
  } catch (error) {
    // TimeCamp answers 403 when the task exists but is hidden from this user (a colleague's project).
    if (isApiError(error) && error.kind === 'forbidden') return { usable: null, exists: true };
    throw error;
  }
  if (!task || task.archived) return { usable: null, exists: false };
  const node = nodeFor(task, parentNode(deps.nodes, task.parentId), trackableFromPerms(task));
  await addNodesToCache(deps.accountKey, [node]);
  return { usable: node.trackable ? node : null, exists: true };
}

// Two clicks on one issue's button, or two issues of one integration at once,
// must not create two tasks (or two integration parents): creations for an
// account run one at a time, and a second request for the same issue shares the first's answer.
const creating = new Map<string, Promise<number | null>>();
const creationQueues = new Map<string, Promise<unknown>>();

function createOnce(issue: IssueRef, deps: ResolveIssueDeps): Promise<number | null> {
  const key = `${deps.accountKey}\n${issue.externalId}`;
  const pending = creating.get(key);
  if (pending) return pending;
  const previous = creationQueues.get(deps.accountKey) ?? Promise.resolve();
  const run = () => createIssueTask(issue, deps);
  const created = previous.then(run, run);
  const settled = created.catch(() => undefined);
  creating.set(key, created);
  creationQueues.set(deps.accountKey, settled);
  void settled.then(() => {
    creating.delete(key);
    if (creationQueues.get(deps.accountKey) === settled) creationQueues.delete(deps.accountKey);
  });
  return created;
}

interface Place {
  taskId: number;
  externalTaskId: string | null;
  node: TaskNode | null;
}

/**
 * Creates a task and answers it. TimeCamp may take the task yet answer in
 * another shape than expected: then the external id it carries finds it.
 */
async function addTask(deps: ResolveIssueDeps, task: NewTask & { externalTaskId: string }): Promise<AddedTask | Task> {
  const added = await deps.tasks.add(task);
  if (added) return added;
  const found = await deps.tasks.findByExternalId(task.externalTaskId);
  if (found) return found;
  throw new ApiError('malformed', 'TimeCamp created the task but did not say which one');
}

/**
 * Creates the issue's task (and the parents it needs); null when TimeCamp
 * refuses, or when the issue's task turns out to exist but may not be tracked to.
 */
async function createIssueTask(issue: IssueRef, deps: ResolveIssueDeps): Promise<number | null> {
  const created: TaskNode[] = [];
  const known = [...deps.nodes];

  /**
   * The task with this external id, found in the cache, else through the API,
   * else created. The API is asked even when an earlier look found nothing: a
   * lookup that answered 404 or nothing moments ago may have raced a creation,
   * and two tasks with one external id would split the issue's time.
   */
  const ensure = async (externalId: string, name: string, under: Place | null): Promise<Place> => {
    const cached = known.find((node) => node.externalTaskId === externalId && !node.archived);
    if (cached) return { taskId: cached.taskId, externalTaskId: externalId, node: cached };
    const found = await deps.tasks.findByExternalId(externalId);
    const node = found
      ? nodeFor(found, parentNode(known, found.parentId), trackableFromPerms(found))
      : nodeFor(
          await addTask(deps, { name, parentId: under?.taskId, externalTaskId: externalId, externalParentId: under?.externalTaskId ?? undefined }),
          under?.node ?? null,
        );
    known.push(node);
    created.push(node);
    return { taskId: node.taskId, externalTaskId: externalId, node };
  };

  try {
    const configured = deps.settings.parentTaskByIntegration?.[issue.integration];
    let parent: Place;
    if (configured != null) {
      const node = parentNode(known, configured);
      parent = { taskId: configured, externalTaskId: node?.externalTaskId ?? null, node };
    } else {
      parent = await ensure(`${issue.integration}_root`, deps.integrationName(issue.integration), null);
    }
    if (issue.project) parent = await ensure(`${issue.integration}_project_${issue.project}`, issue.project, parent);

    const task = await ensure(issue.externalId, deps.note(issue), parent);
    return task.node?.trackable === false ? null : task.taskId;
  } catch (error) {
    // No permission to create projects or subtasks here, or the issue's task is hidden
    // from this user (403 on the lookup): the caller lets the user pick instead.
    if (isApiError(error) && error.kind === 'forbidden') return null;
    throw error;
  } finally {
    // Whatever was made before a refusal exists on the server now; the cache should know it too.
    await addNodesToCache(deps.accountKey, created);
  }
}

function parentNode(nodes: readonly TaskNode[], parentId: number | null): TaskNode | null {
  return parentId === null ? null : (nodes.find((node) => node.taskId === parentId) ?? null);
}

/** TimeCamp's `perms` maps permission ids to 0/1; 5 is "track time". Absent: assume the user may. */
function trackableFromPerms(task: Task): boolean {
  return task.perms['5'] !== 0;
}

/** A node for a task learnt of outside a refresh: where it sits comes from its parent's node, when cached. */
function nodeFor(task: AddedTask | Task, parent: TaskNode | null, trackable = parent?.trackable ?? true): TaskNode {
  const path = parent ? [...parent.path, task.name] : [task.name];
  const own = 'color' in task ? task : null;
  return {
    taskId: task.taskId,
    parentId: task.parentId,
    name: task.name,
    path,
    pathText: pathTextOf(path),
    level: path.length,
    color: own?.color ?? parent?.color ?? null,
    billable: own?.billable ?? parent?.billable ?? true,
    externalTaskId: task.externalTaskId,
    archived: own?.archived ?? false,
    trackable,
  };
}
