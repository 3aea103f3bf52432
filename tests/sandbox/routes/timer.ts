import type { SandboxClock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import type { Params } from '../params.ts';
import { emptyReply, ok } from '../respond.ts';
import { nextId, type RunningTimer, type SandboxState, type SandboxUser } from '../state.ts';
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

/** The spec's answer to an action it does not allow, e.g. `stop` with no timer running. */
const NOT_ALLOWED = 'This action is not allowed.';

/** Ends a running timer at `atMs`: its entry gets its end and duration. Answers the elapsed seconds. */
export function stopTimer(state: SandboxState, clock: SandboxClock, timer: RunningTimer, atMs: number): number {
  const elapsed = elapsedSeconds(timer.started_at, atMs);
  const entry = state.entries.get(timer.entry_id);
  if (entry) {
    entry.duration = elapsed;
    // Time past midnight stays on the day the timer started.
    entry.end_time = formatTimeOfDay((parseTimeOfDay(entry.start_time) ?? 0) + elapsed);
    entry.last_modify = clock.localDateTime();
  }
  state.timers.delete(timer.user_id);
  return elapsed;
}

/** Exactly the spec's fields: the timer's task is for `timer_running` to tell. */
function status(state: SandboxState, user: SandboxUser, clock: SandboxClock) {
  const timer = state.timers.get(user.user_id);
  if (!timer) return { isTimerRunning: false, elapsed: 0 };
  return {
    isTimerRunning: true,
    elapsed: elapsedSeconds(timer.started_at, clock.now()),
    entry_id: String(timer.entry_id),
    timer_id: String(timer.timer_id),
    start_time: clock.localDateTime(timer.started_at),
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
  const running = state.timers.get(user.user_id);
  if (!running) throw badRequest(NOT_ALLOWED);
  // `timer_id` is the founding document's, not the spec's: kept as a leniency, and it only ever
  // narrows the stop. Naming any timer but the running one (a replay after a lost answer, a stale
  // id) must not end a timer the client did not mean.
  const timerId = params.int('timer_id');
  if (timerId !== undefined && timerId !== running.timer_id) throw badRequest(NOT_ALLOWED);
  const elapsed = stopTimer(state, clock, running, momentParam(params, clock, 'stopped_at'));
  return ok({ elapsed, entry_id: String(running.entry_id), entry_time: elapsed });
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
      throw badRequest(NOT_ALLOWED);
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
