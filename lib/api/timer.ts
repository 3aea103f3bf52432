import * as v from 'valibot';
import { collection, flag, num, optionalDateTime, optionalId, optionalText, text } from './normalise';
import type { Transport } from './transport';

// Only what the engine needs; when even that is missing, it asks the timer's status.
const StartedSchema = v.pipe(
  v.object({ new_timer_id: num, entry_id: v.optional(optionalId, null) }),
  v.transform((answer) => ({ timerId: answer.new_timer_id, entryId: answer.entry_id })),
);
export type StartedTimer = v.InferOutput<typeof StartedSchema>;

const StoppedSchema = v.pipe(
  v.object({ elapsed: v.optional(num, 0), entry_id: v.optional(optionalId, null), entry_time: v.optional(num, 0) }),
  v.transform((answer) => ({ elapsedSeconds: answer.elapsed, entryId: answer.entry_id, entrySeconds: answer.entry_time })),
);
export type StoppedTimer = v.InferOutput<typeof StoppedSchema>;

const StatusSchema = v.pipe(
  v.object({
    isTimerRunning: flag,
    elapsed: v.optional(num, 0),
    timer_id: v.optional(optionalId, null),
    entry_id: v.optional(optionalId, null),
    task_id: v.optional(optionalId, null),
    start_time: v.optional(optionalDateTime, null),
    name: v.optional(text, ''),
    external_task_id: v.optional(optionalText, null),
  }),
  v.transform((status) =>
    status.isTimerRunning && status.timer_id !== null
      ? {
          running: true as const,
          timerId: status.timer_id,
          entryId: status.entry_id,
          taskId: status.task_id,
          /** Account-local start, `YYYY-MM-DD HH:MM:SS`. */
          startTime: status.start_time,
          elapsedSeconds: status.elapsed,
          taskName: status.name,
          externalTaskId: status.external_task_id,
        }
      : { running: false as const },
  ),
);
export type TimerStatus = v.InferOutput<typeof StatusSchema>;

const RunningTimerSchema = v.pipe(
  v.object({
    timer_id: num,
    user_id: num,
    task_id: v.optional(optionalId, null),
    started_at: optionalDateTime,
    name: v.optional(text, ''),
  }),
  v.transform((timer) => ({
    timerId: timer.timer_id,
    userId: timer.user_id,
    taskId: timer.task_id,
    startedAt: timer.started_at,
    taskName: timer.name,
  })),
);
export type RunningTimer = v.InferOutput<typeof RunningTimerSchema>;

export function timerApi(http: Transport) {
  return {
    /**
     * Starts the user's one timer (ending any running one on the server).
     * `startedAt` is account-local time: the moment of the click, even when it
     * is sent later. The start takes no note: set it with `entries.update`.
     * Null when TimeCamp took it but answered without the new timer's id.
     */
    start: (options: { taskId?: number; startedAt?: string } = {}) =>
      http.write('POST', 'timer', { action: 'start', task_id: options.taskId, started_at: options.startedAt }, StartedSchema),

    stop: (options: { timerId?: number; stoppedAt?: string } = {}) =>
      http.write('POST', 'timer', { action: 'stop', timer_id: options.timerId, stopped_at: options.stoppedAt }, StoppedSchema),

    /** The server's truth about the running timer. A POST, but it changes nothing. */
    status: () => http.read('timer', { action: 'status' }, StatusSchema, 'POST'),

    /** Running timers in list form. */
    running: () => http.read('timer_running', {}, collection(RunningTimerSchema)),

    /** Throws the running timer away without saving its time. */
    discard: () => http.write('DELETE', 'timer', {}, v.unknown()).then(() => undefined),
  };
}
