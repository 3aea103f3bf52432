import { CUSTOM } from './custom/id';
import type { SiteInfo } from './define';
import { about as airtable } from './sites/airtable';
import { about as asana } from './sites/asana';
import { about as attributes } from './sites/attributes';
import { about as azure } from './sites/azure';
import { about as basecamp } from './sites/basecamp';
import { about as bitbucket } from './sites/bitbucket';
import { about as bitrix24 } from './sites/bitrix24';
import { about as clickup } from './sites/clickup';
import { about as fibery } from './sites/fibery';
import { about as freshdesk } from './sites/freshdesk';
import { about as freshservice } from './sites/freshservice';
import { about as front } from './sites/front';
import { about as gitea } from './sites/gitea';
import { about as github } from './sites/github';
import { about as gitlab } from './sites/gitlab';
import { about as gmail } from './sites/gmail';
import { about as googlecalendar } from './sites/googlecalendar';
import { about as googledocs } from './sites/googledocs';
import { about as googlekeep } from './sites/googlekeep';
import { about as helpscout } from './sites/helpscout';
import { about as hubspot } from './sites/hubspot';
import { about as insightly } from './sites/insightly';
import { about as intercom } from './sites/intercom';
import { about as jira } from './sites/jira';
import { about as linear } from './sites/linear';
import { about as monday } from './sites/monday';
import { about as notion } from './sites/notion';
import { about as odoo } from './sites/odoo';
import { about as openproject } from './sites/openproject';
import { about as osticket } from './sites/osticket';
import { about as outlook } from './sites/outlook';
import { about as pagerduty } from './sites/pagerduty';
import { about as pipedrive } from './sites/pipedrive';
import { about as plane } from './sites/plane';
import { about as podio } from './sites/podio';
import { about as redmine } from './sites/redmine';
import { about as salesforce } from './sites/salesforce';
import { about as shortcut } from './sites/shortcut';
import { about as smartsheet } from './sites/smartsheet';
import { about as taiga } from './sites/taiga';
import { about as teamwork } from './sites/teamwork';
import { about as ticktick } from './sites/ticktick';
import { about as todoist } from './sites/todoist';
import { about as trello } from './sites/trello';
import { about as wrike } from './sites/wrike';
import { about as youtrack } from './sites/youtrack';
import { about as zammad } from './sites/zammad';
import { about as zendesk } from './sites/zendesk';

// The trackers as the background and the options page know them: names, hosts, self-hosting.
// Only each site's `about` is imported, so a bundle of this file holds no page code.

/**
 * Every tracker served by its own markup, plus the attribute contract, in the order the options
 * page lists them within a family. The work-management apps (ClickUp to Airtable), the help desks,
 * CRMs and the mail, calendar and document apps name `optionalHosts`: off until switched on, which asks
 * for them.
 */
export const SITES: readonly SiteInfo[] = [
  github, gitlab, jira, trello, asana, linear, azure, bitbucket, youtrack,
  clickup, monday, notion, todoist, wrike, basecamp, teamwork, smartsheet, shortcut,
  plane, openproject, odoo, taiga, fibery, ticktick, podio, airtable,
  zendesk, freshdesk, freshservice, helpscout, zammad, osticket, intercom, front, pagerduty,
  hubspot, pipedrive, salesforce, insightly, bitrix24,
  gmail, googlecalendar, googledocs, googlekeep, outlook,
  redmine, gitea, attributes,
];

/** The id of the content script and buttons built from the user's custom integrations (`customIntegrations`). */
export { CUSTOM };

/**
 * The files that serve a tracker's pages, in the order they run: the shared core (`./core`), then
 * the tracker's own script. Custom integrations are one script of their own (`custom.content.ts`).
 */
export function scriptFiles(id: string): string[] {
  return id === CUSTOM ? [`content-scripts/${CUSTOM}.js`] : ['content-scripts/core.js', `content-scripts/${id}.js`];
}

/** Integrations the options page may offer for a self-hosted domain, attributes included. */
export const SELF_HOSTED: readonly SiteInfo[] = SITES.filter((site) => site.selfHosted);

/** Display names by integration id, e.g. for the top-level task of an integration's issues. */
export const INTEGRATION_NAMES: Readonly<Record<string, string>> = Object.fromEntries([
  ...SITES.map((site) => [site.id, site.name]),
  [CUSTOM, 'Custom integrations'],
]);

/** How the first-run page and the options page group the trackers. */
export type Family = 'code' | 'issues' | 'work' | 'support' | 'office' | 'own';

/** The families in the order both pages list them. */
export const FAMILY_ORDER: readonly Family[] = ['code', 'issues', 'work', 'support', 'office', 'own'];

/** Families whose items are people's tickets, mail and documents: their notes hold a subject or title only (the options page says so). */
export const PRIVATE_FAMILIES: readonly Family[] = ['support', 'office'];

const FAMILIES: Readonly<Record<string, Family>> = {
  github: 'code',
  gitlab: 'code',
  bitbucket: 'code',
  gitea: 'code',
  azure: 'code',
  jira: 'issues',
  youtrack: 'issues',
  linear: 'issues',
  redmine: 'issues',
  zendesk: 'support',
  freshdesk: 'support',
  freshservice: 'support',
  helpscout: 'support',
  zammad: 'support',
  osticket: 'support',
  intercom: 'support',
  front: 'support',
  pagerduty: 'support',
  hubspot: 'support',
  pipedrive: 'support',
  salesforce: 'support',
  insightly: 'support',
  bitrix24: 'support',
  gmail: 'office',
  googlecalendar: 'office',
  googledocs: 'office',
  googlekeep: 'office',
  outlook: 'office',
  attributes: 'own',
};

/** A tracker's family: where work is planned (boards, tasks) unless listed as code hosting, an issue tracker, or one's own app. */
export function familyOf(id: string): Family {
  return FAMILIES[id] ?? 'work';
}

