import * as v from 'valibot';
import { MessageRefusedError } from './refusal';
import { HttpUrlSchema } from './timer-schemas';

/**
 * What a content script may say about the page it runs on. Anything can send
 * this shape at runtime, so the background checks it before storing it.
 */
export const PageReportSchema = v.strictObject({
  // An integration id such as `github` or `gitlab`, never free text.
  integration: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be an integration id such as "github"')),
  url: HttpUrlSchema,
  /** The URL is one of the integration's issue pages, so a button was expected. */
  issuePage: v.optional(v.boolean()),
  /** The issues that got a button; none on an issue page means the site changed under us. */
  externalIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(512))), v.maxLength(50))),
});

export type ReportedPage = v.InferOutput<typeof PageReportSchema>;

/** One line per bad field, e.g. `url: must be an http(s) URL`, `token: is not expected`. */
function describeIssue(issue: v.InferIssue<typeof PageReportSchema>): string {
  const path = v.getDotPath(issue);
  if (!path) return issue.message;
  // valibot words a missing or extra key as a type mismatch of the object; say it plainly.
  if (issue.type === 'strict_object') return `${path}: ${issue.expected === 'never' ? 'is not expected' : 'is missing'}`;
  return `${path}: ${issue.message}`;
}

export function parseReportedPage(data: unknown): ReportedPage {
  const result = v.safeParse(PageReportSchema, data);
  if (!result.success) {
    throw new MessageRefusedError(`reportPage: invalid payload: ${result.issues.map(describeIssue).join('; ')}`);
  }
  return result.output;
}
