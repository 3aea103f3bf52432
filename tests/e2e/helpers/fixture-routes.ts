/**
 * Which fixture page answers which URL on a mapped host. The file is always
 * taken from this table, never from the request path, so a request cannot
 * read outside `tests/fixtures/`.
 */
export interface FixtureRoute {
  host: string;
  /** Matched against the URL path alone (no query, no hash). */
  path: RegExp;
  /** Relative to `tests/fixtures/`. */
  file: string;
}

export const FIXTURE_ROUTES: FixtureRoute[] = [
  // `https://github.com/<owner>/<repo>/issues/<n>`, e.g. /octo/hello-world/issues/12.
  { host: 'github.com', path: /^\/[\w.-]+\/[\w.-]+\/issues\/\d+\/?$/, file: 'github/issue.html' },
];
