/** What the timer shows about a task without a request: from the cached task tree. */
export interface TaskSummary {
  name: string;
  path: string;
  externalTaskId: string | null;
  billable: boolean;
}

export type TaskLookup = (taskId: number) => Promise<TaskSummary | null>;
