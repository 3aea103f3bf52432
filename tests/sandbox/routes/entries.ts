import { ApiError, badRequest, forbidden, notFound } from '../errors.ts';
import type { Params } from '../params.ts';
import { ok } from '../respond.ts';
import {
  type Entry,
  findUser,
  isEntryLocked,
  nextId,
  type SandboxState,
  type SandboxUser,
  subtreeOf,
} from '../state.ts';
import type { SandboxClock } from '../clock.ts';
import { formatTimeOfDay, parseTimeOfDay } from '../zone.ts';
import { lockedEntryMessage, taskToTrack } from './tracking.ts';
import type { RouteContext, Routes } from './types.ts';
import { bit, flag } from './wire.ts';

const DATES_REQUIRED = 'you must provide "from" and "to" date like 2013-03-20 ';

function entryTags(state: SandboxState, entry: Entry): Record<string, string>[] {
  return entry.tagIds.flatMap((tagId) => {
    const tag = state.tags.get(tagId);
    if (!tag) return [];
    return [
      {
        tagListName: state.tagLists.get(tag.listId)?.name ?? '',
        tagListId: String(tag.listId),
        tagId: String(tag.id),
        name: tag.name,
        mandatory: flag(tag.mandatory),
      },
    ];
  });
}

function breadcrumbs(state: SandboxState, taskId: number): string {
  const names: string[] = [];
  for (let task = state.tasks.get(taskId); task; task = state.tasks.get(task.parent_id)) names.unshift(task.name);
  return names.join(' / ');
}

interface RowOptions {
  tags: boolean;
  breadcrumbs: boolean;
  project: boolean;
}

function entryRow(state: SandboxState, entry: Entry, options: RowOptions): Record<string, unknown> {
  const task = state.tasks.get(entry.task_id);
  const row: Record<string, unknown> = {
    id: entry.id,
    duration: String(entry.duration),
    user_id: String(entry.user_id),
    user_name: findUser(state, entry.user_id)?.display_name ?? '',
    task_id: String(entry.task_id),
    last_modify: entry.last_modify,
    date: entry.date,
    start_time: entry.start_time,
    end_time: entry.end_time,
    locked: flag(isEntryLocked(entry)),
    name: task?.name ?? '',
    addons_external_id: task?.external_task_id ?? '',
    billable: bit(entry.billable),
    invoiceId: String(entry.invoiceId),
    color: task?.color ?? '#9E9E9E',
    description: entry.description,
    hasEntryLocationHistory: false,
  };
  if (options.tags) row.tags = entryTags(state, entry);
  if (options.breadcrumbs) row.breadcrumps = breadcrumbs(state, entry.task_id);
  if (options.project) {
    let project = task;
    while (project && project.level > 1) project = state.tasks.get(project.parent_id);
    row.project_id = String(project?.task_id ?? 0);
    row.project_name = project?.name ?? '';
  }
  return row;
}

/** The entry as PUT entries (and the spec's merge endpoint) answer it. */
function changedEntry(entry: Entry): Record<string, unknown> {
  return {
    time_span: entry.duration,
    entry_id: String(entry.id),
    user_id: String(entry.user_id),
    date: entry.date,
    task_id: String(entry.task_id),
    locked: flag(isEntryLocked(entry)),
    last_modify: entry.last_modify,
    note: entry.description,
    start_time_hour: entry.start_time,
    end_time_hour: entry.end_time,
    invoiceId: String(entry.invoiceId),
    billable: flag(entry.billable),
  };
}

function recordChange(
  state: SandboxState,
  clock: SandboxClock,
  event: 'add' | 'edit' | 'delete',
  entry: Entry,
  oldTimeSpan: number,
): void {
  state.entryChanges.push({
    event_type: event,
    edited: clock.localDateTime(),
    old_time_span: oldTimeSpan,
    new_time_span: event === 'delete' ? 0 : entry.duration,
    entry: { ...entry, tagIds: [...entry.tagIds] },
  });
}

/**
 * Users whose entries the caller asked for; TimeCamp answers 403 with `[]` for anyone it will not
 * show. Without `user_ids`, everyone the caller may see: the whole account for a time-tracking
 * administrator, only themselves otherwise (`user_ids=me` asks for one's own alone).
 */
function requestedUsers(state: SandboxState, user: SandboxUser, params: Params): number[] {
  const requested = params.list('user_ids').map((v) => (v === 'me' ? String(user.user_id) : v));
  if (requested.length === 0) {
    return user.permissions.time_tracking_admin ? state.users.map((u) => u.user_id) : [user.user_id];
  }
  const ids = requested.map(Number);
  const allowed = ids.every(
    (id) => Number.isInteger(id) && findUser(state, id) && (id === user.user_id || user.permissions.time_tracking_admin),
  );
  if (!allowed) throw new ApiError(403, 'No such users or no permission to see their entries', []);
  return ids;
}

function requestedTasks(state: SandboxState, params: Params): Set<number> | null {
  const ids = params.intList('task_ids');
  const withSubtasks = params.bool('with_subtasks') ?? false;
  if (ids.length === 0) return null;
  if (!withSubtasks) return new Set(ids);
  return new Set(ids.flatMap((id) => subtreeOf(state, id).map((t) => t.task_id)));
}

/** Booleans GET entries documents that change nothing here; still checked, so `1`/`0` fails for them too. */
const UNUSED_FLAGS = ['approvalMode', 'include_rates', 'round_duration', 'active_only'];

function getEntries({ state, user, params }: RouteContext) {
  for (const name of UNUSED_FLAGS) params.bool(name);
  const from = params.date('from');
  const to = params.date('to');
  const modifyFrom = params.date('modify_from');
  const modifyTo = params.date('modify_to');
  const byModification = modifyFrom !== undefined && modifyTo !== undefined;
  if (!byModification && (from === undefined || to === undefined)) throw badRequest(DATES_REQUIRED);

  const userIds = new Set(requestedUsers(state, user, params));
  const taskIds = requestedTasks(state, params);
  const billable = params.bool('billable');
  const ignoreInvoiced = params.bool('ignoreInvoiced') ?? false;
  const optFields = new Set(params.list('opt_fields'));
  const options: RowOptions = {
    tags: optFields.has('tags'),
    breadcrumbs: optFields.has('breadcrumps') || optFields.has('breadcrumbs'),
    project: params.bool('include_project') ?? false,
  };

  const rows = [...state.entries.values()]
    .filter((e) => userIds.has(e.user_id))
    .filter((e) => (from === undefined || e.date >= from) && (to === undefined || e.date <= to))
    .filter((e) => !byModification || (e.last_modify.slice(0, 10) >= modifyFrom && e.last_modify.slice(0, 10) <= modifyTo))
    .filter((e) => taskIds === null || taskIds.has(e.task_id))
    .filter((e) => billable === undefined || e.billable === billable)
    .filter((e) => !ignoreInvoiced || e.invoiceId === 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.start_time.localeCompare(b.start_time) || a.id - b.id)
    .map((e) => entryRow(state, e, options));
  return ok(rows);
}

/** Seconds since midnight from 'HH:MM[:SS]' or a full local datetime. */
function timeParam(params: Params, ...names: string[]): number | undefined {
  for (const name of names) {
    const text = params.string(name)?.trim();
    if (text === undefined || text === '') continue;
    const timePart = /^\d{4}-\d{2}-\d{2}[ T]/.test(text) ? text.slice(11) : text;
    const seconds = parseTimeOfDay(timePart);
    if (seconds === undefined) throw badRequest(`unrecognized ${name} format`);
    return seconds;
  }
  return undefined;
}

function nonNegative(duration: number | undefined): number | undefined {
  if (duration !== undefined && duration < 0) throw badRequest('duration must not be negative');
  return duration;
}

function tagIdsParam(state: SandboxState, params: Params): number[] | undefined {
  const raw = params.value('tags');
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null ? Object.values(raw) : [];
  return list
    .map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? Number(item.tagId) : Number(item)))
    .filter((id) => state.tags.has(id));
}

function postEntry({ state, user, params, clock }: RouteContext) {
  const date = params.date('date');
  if (date === undefined) throw badRequest('You must provide a date for the time entry');
  const ownerId = params.int('user_id') ?? user.user_id;
  const owner = findUser(state, ownerId);
  if (!owner) throw badRequest(`No user with id ${ownerId}`);
  if (owner !== user && !user.permissions.time_tracking_admin) {
    throw forbidden('You do not have permissions to add time for other users');
  }
  const task = taskToTrack(state, owner, params.int('task_id'));

  let start = timeParam(params, 'start', 'start_time');
  let end = timeParam(params, 'end', 'end_time');
  let duration = nonNegative(params.int('duration'));
  if (start !== undefined && end !== undefined) {
    if (start > end) {
      throw forbidden(
        `Start time (${date} ${formatTimeOfDay(start)}) can not be after end time (${date} ${formatTimeOfDay(end)}).`,
      );
    }
    duration ??= end - start;
  }
  if (duration === undefined) throw badRequest('you must provide a duration in seconds for time entry');
  if (start === undefined) start = end === undefined ? 0 : Math.max(0, end - duration);
  end ??= start + duration;
  const billable = params.bool('billable') ?? task?.billable ?? false;

  const entry: Entry = {
    id: nextId(state, 'entry'),
    user_id: owner.user_id,
    task_id: task?.task_id ?? 0,
    date,
    start_time: formatTimeOfDay(start),
    end_time: formatTimeOfDay(end),
    duration,
    description: params.string('note') ?? params.string('description') ?? '',
    billable,
    invoiceId: 0,
    locked: false,
    last_modify: clock.localDateTime(),
    tagIds: tagIdsParam(state, params) ?? [],
  };
  state.entries.set(entry.id, entry);
  recordChange(state, clock, 'add', entry, 0);
  return ok({ entry_id: entry.id });
}

/** The entry a PUT or DELETE may change, after TimeCamp's checks. */
function changeableEntry(state: SandboxState, user: SandboxUser, entryId: number | undefined, missing: ApiError): Entry {
  if (entryId === undefined) throw badRequest('Missing entry ID');
  const entry = state.entries.get(entryId);
  if (!entry) throw missing;
  if (entry.user_id !== user.user_id && !user.permissions.time_tracking_admin) {
    throw forbidden("You don't have access to this entry");
  }
  const locked = lockedEntryMessage(entry);
  if (locked) throw forbidden(locked);
  return entry;
}

/** An entry's times after a PUT: `duration` wins over `end_time`; start and end alone set the duration. */
function changedTimes(entry: Entry, params: Params): { start: number; end: number; duration: number } {
  // PUT documents only `start_time`/`end_time`; POST's `start`/`end` spellings are not taken here.
  const newStart = timeParam(params, 'start_time');
  const newEnd = timeParam(params, 'end_time');
  const duration = nonNegative(params.int('duration'));
  const start = newStart ?? (parseTimeOfDay(entry.start_time) as number);
  const end = newEnd ?? (parseTimeOfDay(entry.end_time) as number);
  if (duration !== undefined) return { start, end: newEnd ?? start + duration, duration };
  if (newStart === undefined && newEnd === undefined) return { start, end, duration: entry.duration };
  if (start > end) throw badRequest('Start time can not be after end time');
  return { start, end, duration: end - start };
}

function putEntry({ state, user, params, clock }: RouteContext) {
  const entry = changeableEntry(state, user, params.int('id'), notFound('Entry not found'));
  const timer = [...state.timers.values()].find((t) => t.entry_id === entry.id);
  const oldDuration = entry.duration;

  // Everything is read, and refused if need be, before anything changes: a 400 leaves the entry as it was.
  const owner = findUser(state, entry.user_id) ?? user;
  const task = params.value('task_id') === undefined ? undefined : taskToTrack(state, owner, params.int('task_id'));
  const date = params.date('date');
  const note = params.string('note') ?? params.string('description');
  const billable = params.bool('billable');
  const invoiceId = params.int('invoiceId');
  const invoice = invoiceId === undefined || invoiceId === 0 ? undefined : state.invoices.get(invoiceId);
  if (invoiceId !== undefined && invoiceId !== 0 && !invoice) throw badRequest(`No invoice with id ${invoiceId}`);
  // A running timer's entry keeps counting; only its note, task and billing can change.
  const times = timer ? undefined : changedTimes(entry, params);

  if (task !== undefined) {
    entry.task_id = task?.task_id ?? 0;
    if (timer) timer.task_id = task?.task_id ?? null;
  }
  entry.date = date ?? entry.date;
  if (note !== undefined) entry.description = note;
  entry.billable = billable ?? entry.billable;
  if (invoice) {
    entry.invoiceId = invoice.invoiceId;
    invoice.entryIds.push(entry.id);
  }
  if (times) {
    entry.start_time = formatTimeOfDay(times.start);
    entry.end_time = formatTimeOfDay(times.end);
    entry.duration = times.duration;
  }

  entry.last_modify = clock.localDateTime();
  recordChange(state, clock, 'edit', entry, oldDuration);
  return ok(changedEntry(entry));
}

function deleteEntry({ state, user, params, clock }: RouteContext) {
  // The spec's answer for a missing entry; a 204 has no body on the wire, so its message never arrives.
  const entry = changeableEntry(state, user, params.int('id'), new ApiError(204, 'No such entry'));
  for (const [userId, timer] of state.timers) if (timer.entry_id === entry.id) state.timers.delete(userId);
  state.entries.delete(entry.id);
  recordChange(state, clock, 'delete', entry, entry.duration);
  return ok({ message: 'removed' });
}

function getEntryChanges({ state, user, params }: RouteContext) {
  const from = params.date('from');
  const to = params.date('to');
  if (from === undefined || to === undefined) throw badRequest(DATES_REQUIRED);
  const requested = params.intList('user_ids');
  if (!user.permissions.time_tracking_admin && requested.some((id) => id !== user.user_id)) {
    throw forbidden(
      'you do not have permissions to get entries of these users ' +
        '(you can set yourself as Time Tracking Administrator or Project Manager)',
    );
  }
  const userIds = requested.length > 0 ? new Set(requested) : null;
  const visible = (id: number) => (userIds ? userIds.has(id) : user.permissions.time_tracking_admin || id === user.user_id);
  const taskIds = params.intList('task_ids');
  const limit = params.int('limit');

  const rows = state.entryChanges
    .filter((c) => c.edited.slice(0, 10) >= from && c.edited.slice(0, 10) <= to)
    .filter((c) => visible(c.entry.user_id))
    .filter((c) => taskIds.length === 0 || taskIds.includes(c.entry.task_id))
    .slice(0, limit && limit > 0 ? limit : undefined)
    .map((c) => ({
      old_time_span: c.old_time_span,
      new_time_span: String(c.new_time_span),
      event_type: c.event_type,
      edited: c.edited,
      entry_id: String(c.entry.id),
      duration: String(c.entry.duration),
      user_id: String(c.entry.user_id),
      description: c.entry.description,
      task_id: String(c.entry.task_id),
      date: c.entry.date,
      start_time: c.entry.start_time,
      end_time: c.entry.end_time,
      locked: flag(isEntryLocked(c.entry)),
      billable: bit(c.entry.billable),
      invoiceId: String(c.entry.invoiceId),
    }));
  return ok(rows);
}

export const entryRoutes: Routes = {
  entries: { GET: getEntries, POST: postEntry, PUT: putEntry, DELETE: deleteEntry },
  entries_changes: { GET: getEntryChanges },
};
