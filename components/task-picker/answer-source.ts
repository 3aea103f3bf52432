import type { TaskChoice } from '@/lib/messaging/protocol';
import { PATH_SEPARATOR, type TaskNode } from '@/lib/tasks/tree';
import type { TaskSource } from './task-source';

/** A task the background named, as the combobox draws it: its name, its parents' path, its colour. */
function nodeOf(choice: TaskChoice): TaskNode {
  const tail = `${PATH_SEPARATOR}${choice.name}`;
  const parents = choice.path.endsWith(tail) ? choice.path.slice(0, -tail.length) : '';
  return {
    taskId: choice.taskId,
    parentId: null,
    name: choice.name,
    path: parents ? [parents, choice.name] : [choice.name],
    pathText: choice.path,
    level: parents ? 2 : 1,
    color: choice.color,
    billable: false,
    externalTaskId: null,
    archived: false,
    trackable: true,
  };
}

/**
 * The tasks of a picker that does not hold the tree (the in-page picker frame): the background
 * searched the whole tree and ranked the rows (recent tasks first), so the combobox lists the
 * last answer as it came, whatever it typed since; `byId` knows every row seen, so a picked task
 * keeps its name when a later answer no longer holds it.
 */
export function createAnswerSource(): { answer(rows: readonly TaskChoice[]): TaskSource } {
  const seen = new Map<number, TaskNode>();
  const byId = (taskId: number | null | undefined) => (taskId === null || taskId === undefined ? undefined : seen.get(taskId));
  return {
    answer(rows) {
      // One node per task for the picker's life: the combobox compares rows by identity.
      const nodes = rows.map((choice) => byId(choice.taskId) ?? seen.set(choice.taskId, nodeOf(choice)).get(choice.taskId)!);
      return { nodes, byId, index: () => ({ search: () => nodes.slice(), find: (_query, { limit } = {}) => ({ nodes: nodes.slice(0, limit), total: nodes.length }), size: nodes.length }), anyBillable: false };
    },
  };
}
