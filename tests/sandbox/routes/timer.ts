import type { SandboxClock } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Params } from '../params.ts';
import { emptyReply, ok } from '../respond.ts';
import { nextId, type RunningTimer, type SandboxState, type SandboxUser, type StoppedTimer } from '../state.ts';
import { formatTimeOfDay, parseTimeOfDay } from '../zone.ts';
import { taskToTrack } from './tracking.ts';
import type { RouteContext, Routes } from './types.ts';

function elapsedSeconds(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / 1000));
}

/** A local datetime parameter (`started_at`, `stopped_at`), or now when absent. */
function momentParam(params: Params, clock: SandboxClock, name: string): number {
  const text = params.string(name)?.trim();
  if (text === undefined || text === '') return clock.now();
  const ms = clock.parseLocal(text);
  if (ms === undefined) throw badRequest(`unrecognized ${name} format`);
  return ms;
}

function stopResult(stopped: StoppedTimer) {
  return { elapsed: stopped.elapsed, entry_id: String(stopped.entry_id), entry_time: stopped.elapsed };
}

/** Ends a running timer at `atMs`: its entry gets its end and duration. */
export function stopTimer(state: SandboxState, clock: SandboxClock, timer: RunningTimer, atMs: number): StoppedTimer {
  const elapsed = elapsedSeconds(timer.started_at, atMs);
  const entry = state.entries.get(timer.entry_id);
  if (entry) {
    entry.duration = elapsed;
    // Time past midnight stays on the day the timer started.
    entry.end_time = formatTimeOfDay((parseTimeOfDay(entry.start_time) ?? 0) + elapsed);
    entry.last_modify = clock.localDateTime();
  }
  state.timers.delete(timer.user_id);
  const stopped: StoppedTimer = { timer_id: timer.timer_id, user_id: timer.user_id, entry_id: timer.entry_id, elapsed };
  state.stoppedTimers.set(timer.timer_id, stopped);
  return stopped;
}

function status(state: SandboxState, user: SandboxUser, clock: SandboxClock) {
  const timer = state.timers.get(user.user_id);
  if (!timer) return { isTimerRunning: false, elapsed: 0 };
  const task = timer.task_id === null ? undefined : state.tasks.get(timer.task_id);
  return {
    isTimerRunning: true,
    elapsed: elapsedSeconds(timer.started_at, clock.now()),
    entry_id: String(timer.entry_id),
    timer_id: String(timer.timer_id),
    start_time: clock.localDateTime(timer.started_at),
    task_id: timer.task_id === null ? null : String(timer.task_id),
    name: task?.name ?? null,
    external_task_id: task?.external_task_id ?? null,
  };
}

function start({ state, user, params, clock }: RouteContext) {
  const task = taskToTrack(state, user, params.int('task_id'));
  const startedAt = momentParam(params, clock, 'started_at');
  // One timer per user: starting another ends the running one where the new one begins.
  const running = state.timers.get(user.user_id);
  if (running) stopTimer(state, clock, running, startedAt);

  const entryId = nextId(state, 'entry');
  const startTime = clock.localTime(startedAt);
  state.entries.set(entryId, {
    id: entryId,
    user_id: user.user_id,
    task_id: task?.task_id ?? 0,
    date: clock.localDate(startedAt),
    start_time: startTime,
    end_time: startTime,
    duration: 0,
    description: '',
    billable: task?.billable ?? false,
    invoiceId: 0,
    locked: false,
    last_modify: clock.localDateTime(),
    tagIds: [],
  });
  const timer: RunningTimer = {
    timer_id: nextId(state, 'timer'),
    user_id: user.user_id,
    task_id: task?.task_id ?? null,
    started_at: startedAt,
    entry_id: entryId,
  };
  state.timers.set(user.user_id, timer);
  return ok({ new_timer_id: timer.timer_id, entry_id: entryId });
}

function stop({ state, user, params, clock }: RouteContext) {
  const timerId = params.int('timer_id');
  const running = state.timers.get(user.user_id);
  if (timerId !== undefined && running?.timer_id !== timerId) {
    // A repeated stop (say, after a lost answer) gets the first stop's answer and changes nothing.
    const stopped = state.stoppedTimers.get(timerId);
    if (stopped && stopped.user_id === user.user_id) return ok(stopResult(stopped));
    throw notFound('No timer with such ID');
  }
  if (!running) return ok({ isTimerRunning: false, elapsed: 0 });
  return ok(stopResult(stopTimer(state, clock, running, momentParam(params, clock, 'stopped_at'))));
}

function postTimer(ctx: RouteContext) {
  const action = ctx.params.string('action') || 'status';
  switch (action) {
    case 'status':
      return ok(status(ctx.state, ctx.user, ctx.clock));
    case 'start':
      return start(ctx);
    case 'stop':
      return stop(ctx);
    default:
      throw badRequest('This action is not allowed.');
  }
}

function deleteTimer({ state, user }: RouteContext) {
  const running = state.timers.get(user.user_id);
  if (running) {
    state.timers.delete(user.user_id);
    state.entries.delete(running.entry_id);
  }
  return emptyReply(200);
}

function timerRunning({ state, user, clock }: RouteContext) {
  const timer = state.timers.get(user.user_id);
  if (!timer) return ok([]);
  const task = timer.task_id === null ? undefined : state.tasks.get(timer.task_id);
  return ok([
    {
      timer_id: String(timer.timer_id),
      user_id: String(timer.user_id),
      task_id: timer.task_id === null ? null : String(timer.task_id),
      started_at: clock.localDateTime(timer.started_at),
      name: task?.name ?? null,
    },
  ]);
}

export const timerRoutes: Routes = {
  timer: { POST: postTimer, DELETE: deleteTimer },
  timer_running: { GET: timerRunning },
};
