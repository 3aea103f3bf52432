import { createTaskIndex, type TaskIndex } from '@/lib/tasks/search';
import type { TaskNode } from '@/lib/tasks/tree';

/** The tasks a picker offers, with the search index built only when first needed. */
export interface TaskSource {
  /** The pickable nodes, in tree order. */
  readonly nodes: readonly TaskNode[];
  /** Any node of the tree (pickable or not) by id: what an entry's task is called, its colour and path. */
  byId(taskId: number | null | undefined): TaskNode | undefined;
  /** The search index, built on the first call (folding 10,000 names takes a few ms: not at open). */
  index(): TaskIndex;
  /** Some task bills: the account uses billing, so a billable switch makes sense. */
  readonly anyBillable: boolean;
}

/** `pickable`: the nodes to offer; `all`: the whole tree, for looking up names of tasks one may no longer pick. */
export function createTaskSource(pickable: readonly TaskNode[], all: readonly TaskNode[] = pickable): TaskSource {
  let index: TaskIndex | null = null;
  let ids: Map<number, TaskNode> | null = null;
  return {
    nodes: pickable,
    byId(taskId) {
      if (taskId === null || taskId === undefined) return undefined;
      ids ??= new Map(all.map((node) => [node.taskId, node]));
      return ids.get(taskId);
    },
    index: () => (index ??= createTaskIndex(pickable)),
    anyBillable: pickable.some((node) => node.billable),
  };
}
