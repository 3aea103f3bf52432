import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// Smartsheet sheets, app.smartsheet.com/sheets/<sheet> (grid, Gantt and card views: `?view=…`). The
// button is the sheet's, in its header beside the sheet's name, where TimeCamp's own plugin puts one
// (without an id): external ids `smartsheet_sheet_<sheet>`, the sheet's token from the address.
// TimeCamp's plugin also gives rows buttons, but neither the page nor the address names a row, and a
// row's text is no id (renaming it would start another task): rows get none. Sheets have no key:
// the note is the sheet's name. Reports and dashboards mix sheets: no button there.
const SHEET = /^\/sheets\/([A-Za-z0-9]+)\/?(?:\?|$)/;

export const about = { id: 'smartsheet', name: 'Smartsheet', matches: [], selfHosted: false, optionalHosts: ['https://app.smartsheet.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: SHEET,
  places: [
    {
      // The sheet's header: before its refresh button, after the name.
      name: 'sheet',
      url: SHEET,
      anchor: '.containerNameWrapper .refreshIcon',
      position: 'before',
      read(anchor, page) {
        const [, sheet] = SHEET.exec(page.pathname) ?? [];
        const title = textOf(anchor.closest('.containerNameWrapper')?.querySelector('.containerName > .titleDiv'));
        if (!sheet || !title) return null;
        return { externalId: `smartsheet_sheet_${sheet}`, key: '', title, url: `${page.origin}/sheets/${sheet}` };
      },
    },
  ],
});
