import { defineIntegration, type SiteInfo } from '../define';
import { firstText, nearest, textOf } from '../read';

// Salesforce Lightning: a record's page `/lightning/r/<Object>/<recordId>/view` (standard and custom
// objects), and rows of list views `/lightning/o/<Object>/…` (tables, and the split view's list),
// whose links carry `data-recordid`. TimeCamp's own plugin sends `salesforce_<object>_<recordId>`
// (case, opportunity, task, account): so do we, for every object (its API name in lower case).
// Record ids have 15 (case-sensitive) or 18 characters, the last three a checksum of the case of
// the first 15: ids are sent with 18, so one record keeps one id. No key: the note is the name.
const RECORD = /^\/lightning\/r\/(\w+)\/(\w+)\/view\/?$/;
const LIST = /^\/lightning\/o\/(\w+)\//;
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a record id, or null for what is none (a wrong length or checksum). */
function id18(id: string | null | undefined): string | null {
  if (!id || !/^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/.test(id)) return null;
  let full = id.slice(0, 15);
  for (let at = 0; at < 15; at += 5) {
    const bits = [...id.slice(at, at + 5)].reduce((sum, c, i) => sum | (/[A-Z]/.test(c) ? 1 << i : 0), 0);
    full += CHECKSUM[bits];
  }
  return id.length === 15 || id === full ? full : null;
}

function record(page: URL, object: string | undefined, rawId: string | null | undefined, title: string) {
  const id = id18(rawId);
  if (!object || !id) return null;
  return { externalId: `salesforce_${object.toLowerCase()}_${id}`, key: '', title, url: `${page.origin}/lightning/r/${object}/${id}/view` };
}

export const about = { id: 'salesforce', name: 'Salesforce', matches: [], selfHosted: false, optionalHosts: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: RECORD,
  places: [
    {
      // The actions of the record page's highlights panel: the button goes first among them.
      name: 'record',
      url: RECORD,
      anchor: ['.forceHighlightsPanel .actionsContainer', '.highlights .actionsContainer'],
      position: 'prepend',
      read(anchor, page) {
        const [, object, id] = RECORD.exec(page.pathname) ?? [];
        return record(page, object, id, textOf(nearest(anchor, '.slds-page-header__title')));
      },
    },
    {
      // A row of a list view, after the link to its record: the name is the link's text (a case's
      // link is its number, the subject in the next column), or the split view's item text.
      name: 'list-row',
      url: LIST,
      anchor: '.slds-table tbody tr th a[data-recordid], .slds-split-view__list-item a[data-recordid]',
      position: 'after',
      read(anchor, page) {
        const object = LIST.exec(page.pathname)?.[1];
        const row = anchor.closest('tr');
        const title = row ? (object === 'Case' ? firstText(row, 'th + td a') : textOf(anchor)) : firstText(anchor.closest('.slds-split-view__list-item'), '.uiOutputText');
        return record(page, object, anchor.getAttribute('data-recordid'), title);
      },
    },
  ],
});
