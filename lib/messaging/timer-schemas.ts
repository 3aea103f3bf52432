import * as v from 'valibot';

// What views and content scripts may ask of the timer. Anything that reaches
// the background is checked against these before it touches the queue.

const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const note = v.pipe(v.string(), v.maxLength(2000));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/**
 * Whether a page's address is one a view may link to: the URL parser decides, as the browser
 * will when the link is followed, so no `javascript:`, `data:` or unparsable text gets through.
 */
export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** An address a page or content script sends (an issue's, a visited page's). */
export const HttpUrlSchema = v.pipe(v.string(), v.maxLength(2048, 'is longer than 2048 characters'), v.check(isHttpUrl, 'must be an http(s) URL'));

export const IssueRefSchema = v.strictObject({
  integration: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  externalId: text(512),
  key: text(200),
  title: text(1000),
  url: HttpUrlSchema,
  project: v.optional(text(300)),
});

/**
 * A tab's answer to `readIssue` (the shortcut and the context menu start from it), checked like a
 * button's issue: it is read from the page's markup, an issue link's `href` included. Null for
 * anything that is not an issue.
 */
export function issueFromAnswer(answer: unknown): v.InferOutput<typeof IssueRefSchema> | null {
  const result = v.safeParse(IssueRefSchema, answer);
  return result.success ? result.output : null;
}

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0));

const range = { start: epochMs, end: epochMs };
const withinAWeek = <T extends { start: number; end: number }>() =>
  v.check<T, string>(({ start, end }) => end > start && end - start <= 7 * 24 * 3600_000, 'must end after it starts, within a week');

/** A calendar event's time (epoch ms). */
export const EventRangeSchema = v.pipe(v.strictObject(range), withinAWeek());

/** A calendar event's "Add as entry" on the task picked. */
export const EventEntrySchema = v.pipe(v.strictObject({ ...range, taskId: id, note: v.optional(note), billable: v.optional(v.boolean()) }), withinAWeek());

export const StartRequestSchema = v.strictObject({
  taskId: id,
  note: v.optional(note),
  billable: v.optional(v.boolean()),
  source: v.optional(v.nullable(IssueRefSchema)),
  remember: v.optional(v.boolean()),
});

export const UpdateTimerSchema = v.strictObject({
  taskId: v.optional(id),
  note: v.optional(note),
  billable: v.optional(v.boolean()),
});

const date = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'));
const time = v.pipe(v.string(), v.regex(/^\d{2}:\d{2}:\d{2}$/, 'must be HH:MM:SS'));
const seconds = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7 * 24 * 3600));

export const NewEntrySchema = v.strictObject({
  date,
  startTime: time,
  endTime: time,
  durationSeconds: seconds,
  taskId: v.optional(id),
  note: v.optional(note),
  billable: v.optional(v.boolean()),
});

export const EditEntrySchema = v.strictObject({
  entryId: id,
  changes: v.strictObject({
    date: v.optional(date),
    startTime: v.optional(time),
    endTime: v.optional(time),
    durationSeconds: v.optional(seconds),
    taskId: v.optional(id),
    note: v.optional(note),
    billable: v.optional(v.boolean()),
  }),
});

export const EntryIdSchema = v.strictObject({ entryId: id });

const actionId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

export const ActionIdSchema = v.strictObject({ id: actionId });

/** A waiting entry changed as a whole: it has a start and an end, as every entry the popup adds. */
export const EditWaitingEntrySchema = v.strictObject({ actionId, entry: v.strictObject({ ...NewEntrySchema.entries, startTime: time, endTime: time }) });

export const MoveStartSchema = v.strictObject({ startedAt: v.pipe(v.number(), v.integer(), v.minValue(0)) });

export const WaitingEntryIdSchema = v.strictObject({ actionId });

export const SyncRequestSchema = v.optional(v.strictObject({ periodic: v.optional(v.boolean()) }), {});
