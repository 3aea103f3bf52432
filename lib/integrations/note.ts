import type { IssueRef } from '@/lib/storage/timer';

/** The note a timer started from an issue gets unless the user set another template. */
export const DEFAULT_NOTE_TEMPLATE = '{key} {title}';

/**
 * Fills a note template: `{key}`, `{title}`, `{project}` and `{url}` become the issue's values
 * (an unknown project becomes empty), other text stays, runs of spaces collapse.
 * `defaultNote({ key: '#12', title: 'Fix login redirect', … })` is `#12 Fix login redirect`.
 */
export function defaultNote(
  issue: Pick<IssueRef, 'key' | 'title' | 'url' | 'project'>,
  template: string = DEFAULT_NOTE_TEMPLATE,
): string {
  const values: Record<string, string> = { key: issue.key, title: issue.title, project: issue.project ?? '', url: issue.url };
  return template
    .replace(/\{(key|title|project|url)\}/g, (_, name: string) => values[name] ?? '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
