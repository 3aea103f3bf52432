import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// <workspace>.fibery.io. An entity's page is `/<Space>/<Database>/<public id>`, or with its name's
// slug before the id (`/Software_Development/Task/Fix-the-login-redirect-42`); names are written
// with `_` for spaces. A public id is a number unique in its database, so the external id is
// `fibery_entity_<workspace>/<Space>/<Database>/<public id>`. Fibery marks the entity view's header
// with a spot for extensions (`.extension-entity-view-header-spot`, the title in `data-entity-title`).
// Entities have no key: the note is the title.
const ENTITY = /^\/([A-Za-z0-9_.~%-]+)\/([A-Za-z0-9_.~%-]+)\/(?:[^/?#]*-)?(\d+)\/?$/;
const WORKSPACE = /^([a-z0-9][a-z0-9-]*)\.fibery\.io$/;

export const about = { id: 'fibery', name: 'Fibery', matches: [], selfHosted: false, optionalHosts: ['https://*.fibery.io/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/[^/?#]+\/[^/?#]+\/(?:[^/?#]*-)?\d+\/?(?:\?|$)/,
  places: [
    {
      // The entity view's header (full page): inside Fibery's spot for extensions.
      name: 'entity',
      anchor: '.extension-entity-view-header-spot',
      position: 'inside',
      read(anchor, page) {
        const [, space, database, id] = ENTITY.exec(page.pathname) ?? [];
        const [, workspace] = WORKSPACE.exec(page.hostname) ?? [];
        if (!space || !database || !id || !workspace) return null;
        // The title field as typed, else the title Fibery gives the spot.
        const title = textOf(anchor.closest('.object_panel')?.querySelector('textarea')) || (anchor.getAttribute('data-entity-title') ?? '').trim();
        return {
          externalId: `fibery_entity_${workspace}/${space}/${database}/${id}`,
          key: '',
          title,
          url: `${page.origin}/${space}/${database}/${id}`,
        };
      },
    },
  ],
});
