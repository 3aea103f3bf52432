// Issue keys as users type them: `PROJ-7` (Jira, Linear, YouTrack) or `#12`
// (GitHub, GitLab, Redmine, Azure). A task created for an issue carries its
// key in its name (the note template) or only in its external id
// (`jira_issue_acme.atlassian.net/PROJ-7`, `github_issue_octo/repo#12`), so
// search reads both.

const DASHED = /(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*-\d+(?![A-Za-z0-9_])/g;
const NUMBERED = /#\d+(?!\d)/g;
/** An external id ending in a bare number after its host's path (`redmine_issue_host/123`): the key is `#123`. */
const TRAILING_NUMBER = /\/(\d+)$/;
const QUERY_KEY = /^(?:[a-z][a-z0-9_]*-\d+|#\d+)$/;
/** Most names hold no key: one cheap test spares them the two scans (the index is built over 10,000 names). */
const MAY_HOLD_KEY = /[-#]\d/;

/** The issue keys a task's name and external id hold, lower case, each once. */
export function issueKeysOf(name: string, externalTaskId: string | null): string[] {
  const keys = new Set<string>();
  for (const text of externalTaskId ? [name, externalTaskId] : [name]) {
    if (!MAY_HOLD_KEY.test(text)) continue;
    for (const match of text.matchAll(DASHED)) keys.add(match[0].toLowerCase());
    for (const match of text.matchAll(NUMBERED)) keys.add(match[0]);
  }
  const trailing = externalTaskId ? TRAILING_NUMBER.exec(externalTaskId) : null;
  if (trailing) keys.add(`#${trailing[1]}`);
  return [...keys];
}

/** The key a query is, lower case (`PROJ-7` → `proj-7`), or null when it is not just one key. */
export function queryIssueKey(query: string): string | null {
  const key = query.trim().toLowerCase();
  return QUERY_KEY.test(key) ? key : null;
}
