import { ApiError, offsetFromServerTime, type Entry, type TimeCampClient, type TimerStatus } from '@/lib/api';
import type { QueuedAction, TimerRef } from '@/lib/storage/queue';
import type { SyncState } from '@/lib/storage/sync';
import { accountDateTime, accountOffset } from './account-time';
import { say } from '@/lib/i18n';

export interface ConfirmedTimer {
  timerId: number;
  /** The timer's entry; null when TimeCamp did not say and the day's entries did not show it. */
  entryId: number | null;
}

export interface RunContext {
  client: TimeCampClient;
  sync: Pick<SyncState, 'accountOffsetMinutes'>;
  /** TimeCamp's answers to earlier start actions, by action id. */
  started: Record<string, ConfirmedTimer>;
  now(): number;
  /** Stores `sent` (and what else is given) on the action before its request goes out. */
  markSent(action: QueuedAction, patch?: Partial<Extract<QueuedAction, { type: 'start' }>>): Promise<void>;
  /** Stores a newly learnt account offset at once: a replay after a crash must use it. */
  learnOffset(minutes: number): Promise<void>;
}

export interface ActionOutcome {
  /** A start TimeCamp confirmed, with its timer. */
  started?: ConfirmedTimer;
  /** A start TimeCamp took whose timer no longer runs there (stopped elsewhere at once). */
  gone?: boolean;
}

/** An action queued longer ago than this may meet a server that changed meanwhile: look before acting. */
const FRESH_MS = 60_000;

function resolveRef(ref: TimerRef, started: Record<string, ConfirmedTimer>): ConfirmedTimer | null {
  return 'startId' in ref ? (started[ref.startId] ?? null) : ref;
}

async function isRunning(client: TimeCampClient, timerId: number): Promise<boolean> {
  const status = await client.timer.status();
  return status.running && status.timerId === timerId;
}

/** Nothing left to do when the thing to change is already gone. */
async function ignoringNotFound(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof ApiError && error.kind === 'not-found')) throw error;
  }
}

const isOurs = (status: TimerStatus, taskId: number, startTimes: (string | undefined)[]): status is Extract<TimerStatus, { running: true }> =>
  // The spec's status has no task; where a server names one, it must be ours.
  status.running && (status.taskId === null || status.taskId === taskId) && status.startTime !== null && startTimes.includes(status.startTime);

/**
 * The entry of a running timer whose status did not name it: the user's own
 * entry on that day that starts when the timer did.
 */
async function findTimerEntry(client: TimeCampClient, startTime: string | null, taskId: number | null): Promise<number | null> {
  if (!startTime) return null;
  const day = startTime.slice(0, 10);
  const entries = await client.entries.list({ from: day, to: day, userIds: ['me'] });
  const match = entries.find((entry) => timeOfDay(entry.startTime) === timeOfDay(startTime) && (taskId === null || entry.taskId === taskId));
  return match?.id ?? null;
}

async function confirmedFrom(status: Extract<TimerStatus, { running: true }>, client: TimeCampClient, taskId: number): Promise<ConfirmedTimer> {
  return { timerId: status.timerId, entryId: status.entryId ?? (await findTimerEntry(client, status.startTime, taskId)) };
}

/**
 * Before the first start on an account: a timer running there shows the
 * account's zone. Learn it first, else a start at a wrongly guessed moment
 * would end that timer at that wrong moment.
 */
async function zoneFromRunningTimer(ctx: RunContext): Promise<RunContext> {
  if (ctx.sync.accountOffsetMinutes !== null) return ctx;
  const status = await ctx.client.timer.status();
  const offset = status.running && status.startTime ? offsetFromServerTime(status.startTime, ctx.now() - status.elapsedSeconds * 1000) : null;
  if (offset === null) return ctx;
  await ctx.learnOffset(offset);
  return { ...ctx, sync: { accountOffsetMinutes: offset } };
}

async function runStart(action: Extract<QueuedAction, { type: 'start' }>, given: RunContext): Promise<ActionOutcome> {
  const ctx = await zoneFromRunningTimer(given);
  const { client } = ctx;
  const startedAt = accountDateTime(ctx.sync, action.at);
  if (action.sent) {
    // The last attempt may have reached TimeCamp with its answer lost: a second start would end that timer.
    const status = await client.timer.status();
    if (isOurs(status, action.taskId, [startedAt])) return finishStart(action, await confirmedFrom(status, client, action.taskId), ctx);
    if (action.sentStartedAt && isOurs(status, action.taskId, [action.sentStartedAt])) {
      // Ours, started before the account's zone was known, at the wrong moment: throw it away, start it right.
      await client.timer.discard();
    }
  }
  await ctx.markSent(action, { sentStartedAt: startedAt });
  const answer = await client.timer.start({ taskId: action.taskId, startedAt });
  if (answer?.entryId) return finishStart(action, { timerId: answer.timerId, entryId: answer.entryId }, ctx);
  // TimeCamp took the start (a 2xx) but did not say which timer or entry: its status does.
  const status = await client.timer.status();
  if (!status.running) return { gone: true };
  if (answer && status.timerId !== answer.timerId) return { gone: true };
  return finishStart(action, await confirmedFrom(status, client, action.taskId), ctx);
}

async function finishStart(action: Extract<QueuedAction, { type: 'start' }>, confirmed: ConfirmedTimer, ctx: RunContext): Promise<ActionOutcome> {
  if (ctx.sync.accountOffsetMinutes === null) return { started: await learnZone(action, confirmed, ctx) };
  return { started: confirmed };
}

/**
 * The first start on an account shows its zone: TimeCamp reports the start
 * time we sent and how long ago, by its clock, that was. If our guess of the
 * zone was wrong, the timer started at the wrong moment: start it again at
 * the right one (and throw the wrong one away).
 */
async function learnZone(action: Extract<QueuedAction, { type: 'start' }>, confirmed: ConfirmedTimer, ctx: RunContext): Promise<ConfirmedTimer> {
  const status = await ctx.client.timer.status();
  if (!status.running || status.timerId !== confirmed.timerId || !status.startTime) return confirmed;
  const offset = offsetFromServerTime(status.startTime, ctx.now() - status.elapsedSeconds * 1000);
  if (offset === null) return confirmed;
  const guessed = accountOffset(ctx.sync, action.at);
  await ctx.learnOffset(offset);
  if (offset === guessed) return confirmed;
  await ctx.client.timer.discard();
  const corrected = accountDateTime({ accountOffsetMinutes: offset }, action.at);
  await ctx.markSent(action, { sentStartedAt: corrected });
  const answer = await ctx.client.timer.start({ taskId: action.taskId, startedAt: corrected });
  if (answer?.entryId) return { timerId: answer.timerId, entryId: answer.entryId };
  const again = await ctx.client.timer.status();
  return again.running ? confirmedFrom(again, ctx.client, action.taskId) : confirmed;
}

async function runStop(action: Extract<QueuedAction, { type: 'stop' }>, ctx: RunContext): Promise<ActionOutcome> {
  const target = resolveRef(action.timer, ctx.started);
  if (!target) return {}; // its start never reached TimeCamp: nothing runs there
  const unsure = action.sent || ctx.now() - action.at > FRESH_MS;
  if (unsure && !(await isRunning(ctx.client, target.timerId))) return {};
  await ctx.markSent(action);
  try {
    await ctx.client.timer.stop({ timerId: target.timerId, stoppedAt: accountDateTime(ctx.sync, action.at) });
  } catch (error) {
    // "This action is not allowed." (400) or no such timer (404) while ours no longer runs: it is stopped already.
    const refused = error instanceof ApiError && (error.kind === 'bad-request' || error.kind === 'not-found');
    if (!refused || (await isRunning(ctx.client, target.timerId))) throw error;
  }
  return {};
}

async function runDiscard(action: Extract<QueuedAction, { type: 'discard' }>, ctx: RunContext): Promise<ActionOutcome> {
  const target = resolveRef(action.timer, ctx.started);
  // DELETE timer throws away whatever runs: make sure it is still ours.
  if (!target || !(await isRunning(ctx.client, target.timerId))) return {};
  await ctx.markSent(action);
  await ctx.client.timer.discard();
  return {};
}

async function runEditRunning(action: Extract<QueuedAction, { type: 'edit-running' }>, ctx: RunContext): Promise<ActionOutcome> {
  const target = resolveRef(action.timer, ctx.started);
  if (!target) return {}; // its start never reached TimeCamp
  let entryId = target.entryId;
  if (entryId === null) {
    const status = await ctx.client.timer.status();
    entryId = status.running && status.timerId === target.timerId ? await findTimerEntry(ctx.client, status.startTime, null) : null;
  }
  if (entryId === null) return {}; // the timer and its entry are gone
  await ignoringNotFound(ctx.client.entries.update(entryId, { taskId: action.taskId, note: action.note, billable: action.billable }));
  return {};
}

const timeOfDay = (value: string | null | undefined) => (value ? value.slice(-8) : null);

type EntryFields = Extract<QueuedAction, { type: 'add-entry' }>['entry'];

/** Whether a TimeCamp entry is the one we sent, exactly. */
const isEntry = (sent: EntryFields) => (e: Entry) =>
  timeOfDay(e.startTime) === timeOfDay(sent.startTime) &&
  timeOfDay(e.endTime) === timeOfDay(sent.endTime) &&
  e.durationSeconds === sent.durationSeconds &&
  e.taskId === (sent.taskId ?? null) &&
  e.note === (sent.note ?? '');

async function runAddEntry(action: Extract<QueuedAction, { type: 'add-entry' }>, ctx: RunContext): Promise<ActionOutcome> {
  const { entry } = action;
  if (action.replacesStart) {
    // A timer started and stopped while TimeCamp was away, then edited into this entry: if its start
    // reached TimeCamp, that timer runs there still (its stop never went out). Thrown away, not stopped.
    const status = await ctx.client.timer.status();
    if (isOurs(status, action.replacesStart.taskId, action.replacesStart.startedAt)) await ctx.client.timer.discard();
  }
  if (action.sent) {
    // Created by a lost attempt, this version or one the user has edited since? Then it is there, as it was sent.
    const versions = [entry, ...(action.earlier ?? [])];
    const days = [...new Set(versions.map((version) => version.date))];
    const existing = (await Promise.all(days.map((day) => ctx.client.entries.list({ from: day, to: day, userIds: ['me'] })))).flat();
    const landed = existing.find(isEntry(entry));
    if (landed) {
      if (action.withdrawn) await ignoringNotFound(ctx.client.entries.remove(landed.id));
      return {};
    }
    const older = existing.find((e) => (action.earlier ?? []).some((version) => isEntry(version)(e)));
    if (older) {
      await ctx.markSent(action);
      await ignoringNotFound(action.withdrawn ? ctx.client.entries.remove(older.id) : ctx.client.entries.update(older.id, entry));
      return {};
    }
  }
  if (action.withdrawn) return {};
  await ctx.markSent(action);
  await ctx.client.entries.add(entry);
  return {};
}

/** Sends one queued action so that sending it twice has the effect of sending it once. */
export function runAction(action: QueuedAction, ctx: RunContext): Promise<ActionOutcome> {
  switch (action.type) {
    case 'start':
      return runStart(action, ctx);
    case 'stop':
      return runStop(action, ctx);
    case 'discard':
      return runDiscard(action, ctx);
    case 'edit-running':
      return runEditRunning(action, ctx);
    case 'add-entry':
      return runAddEntry(action, ctx);
    case 'edit-entry':
      return ignoringNotFound(ctx.client.entries.update(action.entryId, action.changes)).then(() => ({}));
    case 'delete-entry':
      return ignoringNotFound(ctx.client.entries.remove(action.entryId)).then(() => ({}));
  }
}

/** What the user was doing, for messages about an action that failed. */
export function describeAction(action: QueuedAction): string {
  switch (action.type) {
    case 'start':
      return say('bg_doingStart', 'Starting the timer');
    case 'stop':
      return say('bg_doingStop', 'Stopping the timer');
    case 'discard':
      return say('bg_doingDiscard', 'Discarding the timer');
    case 'edit-running':
      return say('bg_doingEditRunning', 'Changing the running timer');
    case 'add-entry':
      return say('bg_doingAddEntry', 'Adding a time entry');
    case 'edit-entry':
      return say('bg_doingEditEntry', 'Changing a time entry');
    case 'delete-entry':
      return say('bg_doingDeleteEntry', 'Deleting a time entry');
  }
}
