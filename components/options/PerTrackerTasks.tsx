import { t } from '@/lib/i18n';
import type { TaskSource } from '@/components/task-picker/task-source';
import type { Settings } from '@/lib/storage/settings';
import { TaskField } from './TaskField';
import { TRACKER_IDS, trackerName } from './trackers';

export type PerTracker = 'defaultTaskByIntegration' | 'parentTaskByIntegration';

export interface PerTrackerTasksProps {
  current: Settings | undefined;
  tasks: TaskSource | null;
  onChange(which: PerTracker, integration: string, taskId: number | null): void;
}

/** Per tracker, a default task and the parent of tasks created for its issues: a compact table. */
export function PerTrackerTasks({ current, tasks, onChange }: PerTrackerTasksProps) {
  return (
    <table class="per-tracker-table">
      <thead>
        <tr>
          <th scope="col">{t('options_trackerColumn')}</th>
          <th scope="col">{t('options_defaultTaskColumn')}</th>
          <th scope="col">{t('options_parentTaskColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {TRACKER_IDS.map((id) => (
          <tr key={id}>
            <th scope="row">{trackerName(id)}</th>
            <td>
              <TaskField
                id={`default-task-${id}`}
                label={t('options_defaultTaskFor', trackerName(id))}
                showLabel={false}
                value={current?.defaultTaskByIntegration?.[id] ?? null}
                tasks={tasks}
                onChange={(taskId) => onChange('defaultTaskByIntegration', id, taskId)}
              />
            </td>
            <td>
              <TaskField
                id={`parent-task-${id}`}
                label={t('options_parentTaskFor', trackerName(id))}
                showLabel={false}
                value={current?.parentTaskByIntegration?.[id] ?? null}
                tasks={tasks}
                onChange={(taskId) => onChange('parentTaskByIntegration', id, taskId)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
