import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/storage/settings';
import { Notice, Section, Switch, useNotice } from './controls';
import { PerTrackerTasks, type PerTracker } from './PerTrackerTasks';
import { saveSettings, useSettings } from './settings-store';
import { TaskField } from './TaskField';
import { useTaskSource } from './use-task-source';

/** The same map without `id` when `taskId` is null. */
function withTask(map: Partial<Record<string, number>>, id: string, taskId: number | null): Partial<Record<string, number>> {
  const { [id]: _old, ...rest } = map;
  return taskId === null ? rest : { ...rest, [id]: taskId };
}

/**
 * Which task an issue's timer goes to when the issue has no task of its own:
 * a default task (overall and per tracker), or a task created for the issue
 * under a parent task.
 */
export function TaskDefaults() {
  const current = useSettings();
  const { signedIn, tasks } = useTaskSource();
  const [notice, setNotice] = useNotice();

  async function save(patch: (stored: Settings) => Partial<Settings>, message: string) {
    await saveSettings(patch);
    setNotice(message);
  }

  const setPerTracker = (which: PerTracker, id: string, taskId: number | null) =>
    void save((stored) => ({ [which]: withTask(stored[which] ?? {}, id, taskId) }), t('options_taskSaved'));

  return (
    <Section id="tasks" title={t('options_tasksHeading')} level={3}>
      {signedIn ? (
        <>
          <TaskField
            id="default-task"
            label={t('options_defaultTask')}
            value={current?.defaultTaskId ?? null}
            tasks={tasks}
            onChange={(taskId) => void save(() => ({ defaultTaskId: taskId }), t('options_taskSaved'))}
          />
          <p class="hint">{t('options_defaultTaskHint')}</p>
        </>
      ) : (
        <p class="hint">{t('options_tasksSignIn')}</p>
      )}
      <Switch
        id="create-tasks"
        label={t('options_createTasks')}
        hint={t('options_createTasksHint')}
        checked={current?.createTasks ?? false}
        disabled={!current}
        onChange={(on) => void save(() => ({ createTasks: on }), t(on ? 'options_createTasksOn' : 'options_createTasksOff'))}
      />
      {signedIn && (
        <details class="per-tracker">
          <summary>{t('options_perTrackerSummary')}</summary>
          <PerTrackerTasks current={current} tasks={tasks} onChange={setPerTracker} />
        </details>
      )}
      <Notice message={notice} />
    </Section>
  );
}
