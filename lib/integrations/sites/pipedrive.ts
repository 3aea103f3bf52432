import { defineIntegration, type SiteInfo } from '../define';
import { firstText, textOf } from '../read';

// Pipedrive, on the company's own host `<company>.pipedrive.com`: a deal's page `/deal/<id>` and a
// person's `/person/<id>`. Ids are numbers, unique in a company. TimeCamp's own plugin sends no id
// for Pipedrive, so `pipedrive_<deal|person>_<company>/<id>`. Pipedrive shows no key: the note is
// the deal's title or the person's name (never their address or phone).
const DEAL = /^\/deal\/(\d+)(?:\/|$)/;
const PERSON = /^\/person\/(\d+)(?:\/|$)/;
const COMPANY = /^([a-z0-9-]+)\.pipedrive\.com$/i;

function record(page: URL, kind: 'deal' | 'person', id: string | undefined, title: string) {
  const [, company] = COMPANY.exec(page.hostname) ?? [];
  if (!id || !company) return null;
  return { externalId: `pipedrive_${kind}_${company}/${id}`, key: '', title, url: `${page.origin}/${kind}/${id}` };
}

export const about = { id: 'pipedrive', name: 'Pipedrive', matches: [], selfHosted: false, optionalHosts: ['https://*.pipedrive.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/(?:deal|person)\/\d+(?:\/|$)/,
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
      // A person's page: the name is in the document's title, "<name> - contact details".
      name: 'person',
      url: PERSON,
      anchor: '.detailView .content .spacer',
      position: 'inside',
      read(anchor, page) {
        const title = textOf(anchor.ownerDocument.querySelector('title')).replace(/\s*-\s*contact details$/, '');
        return record(page, 'person', PERSON.exec(page.pathname)?.[1], title);
      },
    },
  ],
});
