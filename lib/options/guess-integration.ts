// Which tracker a self-hosted domain most likely runs, from the words companies
// put in its name (`gitlab.acme.com`, `jira-prod.acme.com`, `git.acme.com`
// tells nothing). A guess only pre-selects: the user can change it, and with
// no guess the user must choose, since a wrong integration places no buttons.

const WORDS: ReadonlyArray<readonly [string, string]> = [
  ['gitlab', 'gitlab'],
  ['jira', 'jira'],
  ['redmine', 'redmine'],
  ['youtrack', 'youtrack'],
  ['gitea', 'gitea'],
  ['forgejo', 'gitea'],
  ['codeberg', 'gitea'],
  ['github', 'github'],
  ['ghe', 'github'],
  ['tfs', 'azure'],
  ['azure', 'azure'],
  ['devops', 'azure'],
  ['plane', 'plane'],
  ['taiga', 'taiga'],
  ['openproject', 'openproject'],
  ['odoo', 'odoo'],
];

/** The integration id a host name suggests, among `offered`, or null when it suggests none. */
export function guessIntegration(hostname: string, offered: readonly string[]): string | null {
  const host = hostname.toLowerCase();
  for (const [word, integration] of WORDS) {
    // The word as a whole label or a label's dash-separated part, optionally numbered: `jira2`, `gitlab-ee`.
    if (new RegExp(`(^|[.-])${word}\\d*([.-]|$)`).test(host) && offered.includes(integration)) return integration;
  }
  return null;
}
