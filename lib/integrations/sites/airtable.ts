import { defineIntegration, type IssueFields, type SiteInfo } from '../define';
import { firstText } from '../read';

// airtable.com. An expanded record's address names its base and record: `/<appId>/<tblId>/<recId>`
// (a view between them, `/<viwId>/`, when opened from one) or, in an interface,
// `/<appId>/<pagId>/<recId>`. Ids are a prefix and 14 letters and digits. A record's id is
// unique in its base, and a record never changes base: `airtable_record_<appId>/<recId>` in both
// places. Records have no key: the note is the primary field.
const RECORD = /^\/(app[A-Za-z0-9]{14})\/(tbl[A-Za-z0-9]{14}|pag[A-Za-z0-9]{14})\/(?:viw[A-Za-z0-9]{14}\/)?(rec[A-Za-z0-9]{14})\/?$/;

function record(page: URL, title: string): IssueFields | null {
  const [, base, where, id] = RECORD.exec(page.pathname) ?? [];
  if (!base || !where || !id) return null;
  return { externalId: `airtable_record_${base}/${id}`, key: '', title, url: `${page.origin}/${base}/${where}/${id}` };
}

export const about = { id: 'airtable', name: 'Airtable', matches: [], selfHosted: false, optionalHosts: ['https://airtable.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/app[A-Za-z0-9]{14}\/(?:[a-z]{3}[A-Za-z0-9]{14}\/)*rec[A-Za-z0-9]{14}\/?(?:\?|$)/,
  places: [
    {
      // The expanded record over a table: first in its header's row of buttons, else first in the dialog.
      name: 'record',
      anchor: ['.DetailViewWithActivityFeed > div:first-child > div > div > div', '.DetailViewWithActivityFeed'],
      position: 'prepend',
      read: (anchor, page) => record(page, firstText(anchor.closest('.DetailViewWithActivityFeed'), '.cellContainer textarea')),
    },
    {
      // A record expanded in an interface: first in the dialog's header.
      name: 'interface-record',
      anchor: [
        '[data-testid="page-element-expansion-stack-renderer-dialog"] > div:first-child > div:nth-of-type(3)',
        '.topSidesheet > div:first-child > div:nth-of-type(3)',
      ],
      position: 'prepend',
      read(anchor, page) {
        const dialog = anchor.closest('[data-testid="page-element-expansion-stack-renderer-dialog"], .topSidesheet');
        return record(page, firstText(dialog, '[data-tutorial-selector-id="pageCellLabelPair"] textarea'));
      },
    },
  ],
});
