import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// Insightly CRM (`crm.<region>.insightly.com`): a record's page `/details/<Kind>/<id>`, or the same
// opened in a "blade" over another page (`?blade=/details/<Kind>/<id>`). TimeCamp's own plugin sends
// a task's id as is and prefixes the others: `project_`, `opp_`, `lead_`, `contact_`,
// `organisation_` (so do we: `4711`, `opp_4712`). Ids are numbers. No key: the note is the name.
const DETAILS = /\/details\/(tasks?|projects?|opportunit(?:y|ies)|leads?|contacts?|organisations?)\/(\d+)(?:[/?&#]|$)/i;
// The URL's kind (either number, any case), the kind in our URLs, and TimeCamp's prefix.
const KINDS: ReadonlyArray<[RegExp, string, string]> = [
  [/^tasks?$/i, 'task', ''],
  [/^projects?$/i, 'project', 'project_'],
  [/^opportunit/i, 'opportunity', 'opp_'],
  [/^leads?$/i, 'lead', 'lead_'],
  [/^contacts?$/i, 'contact', 'contact_'],
  [/^organisations?$/i, 'organisation', 'organisation_'],
];

/** The record the page shows: the blade's, on top, else the page's own. */
function recordOf(page: URL): { kind: string; prefix: string; id: string } | null {
  const [, name = '', id] = DETAILS.exec(page.searchParams.get('blade') ?? '') ?? DETAILS.exec(page.pathname) ?? [];
  const [, kind, prefix] = KINDS.find(([pattern]) => pattern.test(name)) ?? [];
  return kind && prefix !== undefined && id ? { kind, prefix, id } : null;
}

export const about = { id: 'insightly', name: 'Insightly', matches: [], selfHosted: false, optionalHosts: ['https://*.insightly.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: DETAILS,
  places: [
    {
      // The toolbar at the right of the record's header: the button goes first in it.
      name: 'record',
      anchor: ['#main-container.details .btn-toolbar.custom-buttons-toolbar', '#main-container.details header.head .btn-toolbar.pull-right'],
      position: 'prepend',
      read(anchor, page) {
        const record = recordOf(page);
        const view = anchor.closest('#main-container');
        if (!record || !view) return null;
        const field = (name: string) => view.querySelector(`#metadata-row-viewer-${name}`)?.getAttribute('title')?.trim() ?? '';
        return {
          externalId: `${record.prefix}${record.id}`,
          key: '',
          title: textOf(view.querySelector('#entityname')) || field('TITLE'),
          url: `${page.origin}/details/${record.kind}/${record.id}`,
          project: field('PROJECT_ID') || field('OPPORTUNITY_ID') || undefined,
        };
      },
    },
  ],
});
