import * as v from 'valibot';
import { collection, date, flag, num, optionalDateTime, optionalId, optionalText, text } from './normalise';
import type { Transport } from './transport';

const EntrySchema = v.pipe(
  v.object({
    id: num,
    duration: num,
    user_id: num,
    user_name: v.optional(text, ''),
    task_id: v.optional(optionalId, null),
    date,
    start_time: v.optional(optionalDateTime, null),
    end_time: v.optional(optionalDateTime, null),
    name: v.optional(text, ''),
    description: v.optional(text, ''),
    billable: v.optional(flag, false),
    locked: v.optional(flag, false),
    invoiceId: v.optional(optionalId, null),
    addons_external_id: v.optional(optionalText, null),
    last_modify: v.optional(optionalDateTime, null),
    color: v.optional(optionalText, null),
  }),
  v.transform((entry) => ({
    id: entry.id,
    durationSeconds: entry.duration,
    userId: entry.user_id,
    userName: entry.user_name,
    taskId: entry.task_id,
    /** The task's name (TimeCamp sends it as `name`). */
    taskName: entry.name,
    date: entry.date,
    startTime: entry.start_time,
    endTime: entry.end_time,
    note: entry.description,
    billable: entry.billable,
    invoiceId: entry.invoiceId,
    /** Invoiced or locked entries cannot be edited: show them read-only. */
    locked: entry.locked || entry.invoiceId !== null,
    addonsExternalId: entry.addons_external_id,
    modifiedAt: entry.last_modify,
    color: entry.color,
  })),
);
export type Entry = v.InferOutput<typeof EntrySchema>;

// PUT entries answers the changed entry in a vocabulary of its own.
const UpdatedEntrySchema = v.pipe(
  v.object({
    entry_id: num,
    time_span: v.optional(num),
    user_id: v.optional(num),
    date: v.optional(date),
    task_id: v.optional(optionalId, null),
    note: v.optional(text, ''),
    start_time_hour: v.optional(optionalDateTime, null),
    end_time_hour: v.optional(optionalDateTime, null),
    billable: v.optional(flag, false),
    locked: v.optional(flag, false),
    invoiceId: v.optional(optionalId, null),
  }),
  v.transform((entry) => ({
    id: entry.entry_id,
    durationSeconds: entry.time_span ?? null,
    userId: entry.user_id ?? null,
    date: entry.date ?? null,
    taskId: entry.task_id,
    note: entry.note,
    startTime: entry.start_time_hour,
    endTime: entry.end_time_hour,
    billable: entry.billable,
    locked: entry.locked || entry.invoiceId !== null,
    invoiceId: entry.invoiceId,
  })),
);
export type UpdatedEntry = v.InferOutput<typeof UpdatedEntrySchema>;

const EntryChangeSchema = v.pipe(
  v.object({
    event_type: text,
    entry_id: num,
    edited: v.optional(optionalDateTime, null),
    old_time_span: v.optional(num, 0),
    new_time_span: v.optional(num, 0),
    duration: v.optional(num, 0),
    user_id: v.optional(num),
    task_id: v.optional(optionalId, null),
    date: v.optional(date),
    start_time: v.optional(optionalDateTime, null),
    end_time: v.optional(optionalDateTime, null),
  }),
  v.transform((change) => ({
    event: change.event_type,
    entryId: change.entry_id,
    editedAt: change.edited,
    oldDurationSeconds: change.old_time_span,
    newDurationSeconds: change.new_time_span,
    userId: change.user_id ?? null,
    taskId: change.task_id,
    date: change.date ?? null,
    startTime: change.start_time,
    endTime: change.end_time,
  })),
);
export type EntryChange = v.InferOutput<typeof EntryChangeSchema>;

export interface EntryQuery {
  /** First and last day, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  taskIds?: number[];
  /**
   * Whose entries: `'me'` for the signed-in user's own. Without it TimeCamp
   * answers everyone the token may see (an administrator sees colleagues).
   */
  userIds?: (number | 'me')[];
  /** Count time tracked on subtasks of `taskIds` too. */
  withSubtasks?: boolean;
  includeProject?: boolean;
  optFields?: string[];
}

export interface NewEntry {
  date: string;
  durationSeconds: number;
  taskId?: number;
  note?: string;
  /** `HH:MM:SS` or `YYYY-MM-DD HH:MM:SS`, account time. */
  startTime?: string;
  endTime?: string;
  billable?: boolean;
}

export type EntryChanges = Partial<NewEntry> & { invoiceId?: number };

const list = (ids: readonly (number | string)[] | undefined) => (ids?.length ? ids.join(',') : undefined);

function entryParams(entry: EntryChanges) {
  return {
    date: entry.date,
    duration: entry.durationSeconds,
    task_id: entry.taskId,
    note: entry.note,
    start_time: entry.startTime,
    end_time: entry.endTime,
    billable: entry.billable,
    invoiceId: entry.invoiceId,
  };
}

export function entriesApi(http: Transport) {
  return {
    list: (query: EntryQuery) =>
      http.read(
        'entries',
        {
          from: query.from,
          to: query.to,
          task_ids: list(query.taskIds),
          user_ids: list(query.userIds),
          with_subtasks: query.withSubtasks,
          include_project: query.includeProject,
          opt_fields: query.optFields?.join(','),
        },
        collection(EntrySchema),
      ),

    /** A manual entry; answers its id, or null when TimeCamp took it without saying which. */
    add: (entry: NewEntry) =>
      http
        .write('POST', 'entries', entryParams(entry), v.object({ entry_id: num }))
        .then((answer) => (answer ? { id: answer.entry_id } : null)),

    /** The changed entry as TimeCamp answers it; null when the answer is of another shape (the change is made all the same). */
    update: (id: number, changes: EntryChanges) => http.write('PUT', 'entries', { id, ...entryParams(changes) }, UpdatedEntrySchema),

    remove: (id: number) => http.write('DELETE', 'entries', { id }, v.unknown()).then(() => undefined),

    /** Additions, edits and deletions of entries in a date range. */
    changes: (query: { from: string; to: string; limit?: number; taskIds?: number[]; userIds?: (number | 'me')[] }) =>
      http.read(
        'entries_changes',
        { from: query.from, to: query.to, limit: query.limit, task_ids: list(query.taskIds), user_ids: list(query.userIds) },
        collection(EntryChangeSchema),
      ),
  };
}
