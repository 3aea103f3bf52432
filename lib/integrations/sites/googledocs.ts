import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// Google Docs, Sheets and Slides on docs.google.com, which share the editor's title bar and menu bar.
// An open file is `/<document|spreadsheets|presentation>/d/<fileId>/edit` (`/u/<n>` before `/d/`
// for another signed-in account; a query or hash may follow). File ids are Drive's: letters, digits,
// `-` and `_`. External ids: `googledocs_<document|spreadsheet|presentation>_<fileId>`. Files have no
// key: the note is the file's title (never its content).
const FILE = /^\/(document|spreadsheets|presentation)\/(?:u\/\d+\/)?d\/([\w-]{25,100})\/edit\/?(?:\?|$)/;
const KIND: Record<string, string> = { document: 'document', spreadsheets: 'spreadsheet', presentation: 'presentation' };

export const about = {
  id: 'googledocs',
  name: 'Google Docs',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://docs.google.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: FILE,
  places: [
    {
      // The editor's menu bar (File, Edit, …): last in it; the title bar's buttons where it is missing.
      name: 'file',
      url: FILE,
      anchor: ['#docs-menubar', '.docs-titlebar-buttons'],
      position: 'inside',
      read(anchor, page) {
        const [, app = '', id] = FILE.exec(page.pathname) ?? [];
        const doc = anchor.ownerDocument;
        if (!id || !KIND[app]) return null;
        return {
          externalId: `googledocs_${KIND[app]}_${id}`,
          key: '',
          title: firstText(doc, '.docs-title-input') || firstText(doc, '.docs-title-input-label-inner'),
          url: `${page.origin}/${app}/d/${id}/edit`,
        };
      },
    },
  ],
});
