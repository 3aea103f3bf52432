import { defineIntegration, type SiteInfo } from '../define';
import { linkOf, nearest, textOf } from '../read';

// Azure DevOps Boards work item forms: dev.azure.com, <org>.visualstudio.com, Azure DevOps Server.
// Work item ids are unique in an organization (a collection on a server) and survive a move to
// another project, so the project stays out of the id: `azure_workitem_<org>#<id>`, the same on
// both cloud hosts; on a server `azure_workitem_<host>/<collection path>#<id>`.
const EDIT = /^(.*)\/([^/]+)\/_workitems\/edit\/(\d+)/;
const AREA = /^(.*)\/([^/]+)\/_(?:workitems|boards|backlogs|sprints|queries)\b/;

function scope(page: URL, collection: string): string {
  if (page.hostname === 'dev.azure.com') return collection.slice(1);
  if (page.hostname.endsWith('.visualstudio.com')) return page.hostname.split('.')[0]!;
  return page.host + collection;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const about = { id: 'azure', name: 'Azure DevOps', matches: ['https://dev.azure.com/*', 'https://*.visualstudio.com/*'], selfHosted: true } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /\/_workitems\/edit\/\d+|[?&]workitem=\d+/,
  places: [
    {
      // First in the form's command bar (New Boards Hub), or in the old form's header. The new
      // form's header links to its work item, the old one shows its id; then the URL (a board's
      // dialog adds `?workitem=<id>`).
      name: 'work-item',
      anchor: '.work-item-header-command-bar, .work-item-form-headerContent',
      position: 'prepend',
      read(anchor, page) {
        const link = linkOf(nearest(anchor, '.work-item-form-header a[href*="/_workitems/edit/"]'), page);
        const own = link && EDIT.exec(link.pathname);
        const [, collection, project, pathId] = own ?? EDIT.exec(page.pathname) ?? AREA.exec(page.pathname) ?? [];
        const oldFormId = textOf(nearest(anchor, '.work-item-form-id')).replace(/\D/g, '');
        const number = own?.[3] || oldFormId || page.searchParams.get('workitem') || pathId;
        if (collection === undefined || !project || !number) return null;
        return {
          externalId: `azure_workitem_${scope(page, collection)}#${number}`,
          key: `#${number}`,
          title: textOf(nearest(anchor, '.work-item-title-textfield input, .work-item-form-title input')),
          url: `${page.origin}${collection}/${project}/_workitems/edit/${number}`,
          project: decode(project),
        };
      },
    },
  ],
});
