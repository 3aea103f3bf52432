import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// Odoo's web client: Project tasks and Helpdesk tickets in the form view. Odoo 17.2+ writes the
// action stack into the path (`/odoo/project/<projectId>/tasks/<id>`, `/odoo/project.task/<id>`,
// `/odoo/helpdesk.ticket/<id>`); older versions `/web#id=<id>&model=project.task&view_type=form`.
// Ids are database ids, unique per database and model: `odoo_task_<host>/<id>`,
// `odoo_ticket_<host>/<id>`, key `#<id>`. A form under `/odoo/action-<action>/<id>` names no model,
// and neither does the form: no button there rather than a task's id on some other record.
type Kind = 'task' | 'ticket';
const KINDS = new Map<string, Kind>([['project.task', 'task'], ['tasks', 'task'], ['helpdesk.ticket', 'ticket'], ['tickets', 'ticket']]);
const MODELS: Record<Kind, string> = { task: 'project.task', ticket: 'helpdesk.ticket' };
const ODOO = /^\/odoo\/(?:[^?#]*\/)?([\w.-]+)\/(\d+)\/?$/;

function record(page: URL): { kind: Kind; id: string } | null {
  let [, part, id] = ODOO.exec(page.pathname) ?? [];
  if (page.pathname === '/web') {
    const hash = new URLSearchParams(page.hash.slice(1));
    if ((hash.get('view_type') ?? 'form') !== 'form') return null;
    [part, id] = [hash.get('model') ?? undefined, hash.get('id') ?? undefined];
  }
  const kind = part ? KINDS.get(part) : undefined;
  return kind && id && /^\d+$/.test(id) ? { kind, id } : null;
}

/** A field's value: its input's where it is editable, else its text. */
const field = (form: Element, name: string) => {
  const widget = form.querySelector(`.o_form_sheet .o_field_widget[name="${name}"]`);
  return textOf(widget?.querySelector('input, textarea') ?? widget);
};

export const about = { id: 'odoo', name: 'Odoo', matches: [], selfHosted: true, optionalHosts: ['https://*.odoo.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: /^\/odoo\/(?:[^?#]*\/)?(?:tasks|project\.task|tickets|helpdesk\.ticket)\/\d+\/?(?:\?|$)/,
  places: [
    {
      // First among the buttons of the form's status bar (above the sheet); the bar itself when it has none.
      name: 'form',
      anchor: ['.o_form_view .o_form_statusbar .o_statusbar_buttons', '.o_form_view .o_form_statusbar'],
      position: 'prepend',
      read(anchor, page) {
        const item = record(page);
        const form = anchor.closest('.o_form_view');
        if (!item || !form) return null;
        const crumb = [...form.querySelectorAll('.o_breadcrumb .breadcrumb-item a[href*="/project/"]')].at(-1);
        return {
          externalId: `odoo_${item.kind}_${page.host}/${item.id}`,
          key: `#${item.id}`,
          title: field(form, 'name') || textOf(form.querySelector('.o_breadcrumb .o_last_breadcrumb_item')),
          url: `${page.origin}/web#id=${item.id}&model=${MODELS[item.kind]}&view_type=form`,
          // A task's project, a ticket's team; a task's project also shows in the breadcrumbs.
          project: (item.kind === 'task' ? field(form, 'project_id') || textOf(crumb) : field(form, 'team_id')) || undefined,
        };
      },
    },
  ],
});
