import { defineIntegration, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Pipedrive, on the company's own host `<company>.pipedrive.com`: a deal's page `/deal/<id>`, and
// the detail view of a contact, a person's `/person/<id>` or an organisation's `/organization/<id>`.
// Ids are numbers, unique in a company. TimeCamp's own plugin sends no id for Pipedrive, so
// `pipedrive_<deal|person|organization>_<company>/<id>`. Pipedrive shows no key: the note is the
// deal's title or the contact's name (never their address or phone).
const DEAL = /^\/deal\/(\d+)(?:\/|$)/;
const CONTACT = /^\/(person|organization)\/(\d+)(?:\/|$)/;
const COMPANY = /^([a-z0-9-]+)\.pipedrive\.com$/i;

function record(page: URL, kind: 'deal' | 'person' | 'organization', id: string | undefined, title: string) {
  const [, company] = COMPANY.exec(page.hostname) ?? [];
  if (!id || !company) return null;
  return { externalId: `pipedrive_${kind}_${company}/${id}`, key: '', title, url: `${page.origin}/${kind}/${id}` };
}

export const about = { id: 'pipedrive', name: 'Pipedrive', matches: [], selfHosted: false, optionalHosts: ['https://*.pipedrive.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/(?:deal|person|organization)\/\d+(?:\/|$)/,
  places: [
    {
      // The deal's title in its page's header (an editable text area): the button goes last in it.
      name: 'deal',
      url: DEAL,
      anchor: '[data-testid="header-title"]',
      position: 'inside',
      read: (anchor, page) => record(page, 'deal', DEAL.exec(page.pathname)?.[1], textOf(anchor.querySelector('textarea')) || firstText(anchor, '.cui5-editable-text__input')),
    },
    {
      // A contact's detail view, a person's or an organisation's: the name is in the document's
      // title, "<name> - contact details".
      name: 'contact',
      url: CONTACT,
      anchor: '.detailView .content .spacer',
      position: 'inside',
      read(anchor, page) {
        const title = textOf(anchor.ownerDocument.querySelector('title')).replace(/\s*-\s*contact details$/, '');
        const [, kind, id] = CONTACT.exec(page.pathname) ?? [];
        return record(page, kind as 'person' | 'organization', id, title);
      },
    },
  ],
});
