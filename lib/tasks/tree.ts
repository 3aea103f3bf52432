import type { Task } from '@/lib/api';
import type { TaskChoice } from '@/lib/messaging/protocol';

/** A task as pickers and search see it: where it sits in the tree, and whether it can be picked. */
export interface TaskNode {
  taskId: number;
  parentId: number | null;
  name: string;
  /** Names from the top of the tree down to this task (the task's own name last). */
  path: string[];
  /** `Client › Project › Task`. */
  pathText: string;
  /** Depth in the tree as built, 1 at the top; agrees with `path` even when an ancestor is not visible. */
  level: number;
  /** The task's own colour, else the nearest ancestor's (TimeCamp leaves most subtasks uncoloured). */
  color: string | null;
  billable: boolean;
  externalTaskId: string | null;
  archived: boolean;
  /** The user may track time to it (a guest on a project may see its tasks but not track). */
  trackable: boolean;
}

/** What building a node needs from a task: the minimal listing (`minimal=1`) carries all but `billable`. */
export type TreeTask = Pick<Task, 'taskId' | 'parentId' | 'name' | 'externalTaskId' | 'archived' | 'color'> &
  Partial<Pick<Task, 'billable'>>;

export const PATH_SEPARATOR = ' › ';

export function pathTextOf(path: readonly string[]): string {
  return path.join(PATH_SEPARATOR);
}

// Siblings are listed by name, as TimeCamp's own task list shows them; the
// server's order (by id) means nothing to a user. Sorting happens once per
// cache refresh, never per keystroke.
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface BuildOptions {
  /**
   * Ids the user may track to. Absent: every task counts as trackable (for a
   * list that was already filtered by `perms=track_time`).
   */
  trackableIds?: ReadonlySet<number>;
}

/**
 * The picker's nodes from TimeCamp's flat task list, in tree order (each
 * task right after its parent, siblings by name). A task whose parent is not
 * in the list (not visible to this user, or archived) starts its own branch:
 * its path is its own name.
 */
export function buildTaskNodes(tasks: readonly TreeTask[], options: BuildOptions = {}): TaskNode[] {
  const { trackableIds } = options;
  const present = new Set(tasks.map((task) => task.taskId));
  const children = new Map<number | null, TreeTask[]>();
  for (const task of tasks) {
    const parent = task.parentId !== null && present.has(task.parentId) && task.parentId !== task.taskId ? task.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(task);
    else children.set(parent, [task]);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => byName.compare(a.name, b.name) || a.taskId - b.taskId);

  const nodes: TaskNode[] = [];
  const placed = new Set<number>();
  const place = (task: TreeTask, parent: TaskNode | null) => {
    // An explicit stack rather than recursion: a deep (or, from a broken answer, cyclic) tree must not overflow.
    const stack: Array<[TreeTask, TaskNode | null]> = [[task, parent]];
    while (stack.length > 0) {
      const [current, above] = stack.pop()!;
      if (placed.has(current.taskId)) continue;
      placed.add(current.taskId);
      const path = above ? [...above.path, current.name] : [current.name];
      const node: TaskNode = {
        taskId: current.taskId,
        parentId: current.parentId,
        name: current.name,
        path,
        pathText: pathTextOf(path),
        level: path.length,
        color: current.color ?? above?.color ?? null,
        billable: current.billable ?? above?.billable ?? true,
        externalTaskId: current.externalTaskId,
        archived: current.archived,
        trackable: trackableIds ? trackableIds.has(current.taskId) : true,
      };
      nodes.push(node);
      const below = children.get(current.taskId) ?? [];
      for (let i = below.length - 1; i >= 0; i--) stack.push([below[i]!, node]);
    }
  };
  for (const root of children.get(null) ?? []) place(root, null);
  // Only a cycle in the parent links leaves tasks unplaced; show them rather than lose them.
  for (const task of tasks) if (!placed.has(task.taskId)) place(task, null);
  return nodes;
}

/** A node that may be offered in a picker: still active, and the user may track to it. */
export function isPickable(node: TaskNode): boolean {
  return node.trackable && !node.archived;
}

export function toTaskChoice(node: TaskNode): TaskChoice {
  return { taskId: node.taskId, name: node.name, path: node.pathText, color: node.color };
}
