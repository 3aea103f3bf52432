import { defineIntegration, type SiteInfo } from '../define';
import { firstText, linkOf, textOf } from '../read';

// Bitrix24 cloud (`<portal>.bitrix24.<tld>`): a task's page, `/company/personal/user/<u>/tasks/task/view/<id>/`
// or in a workgroup `/workgroups/group/<g>/tasks/task/view/<id>/`, and deal cards on the CRM's
// kanban, whose title links to `/crm/deal/details/<id>/`. Ids are numbers, unique in a portal.
// TimeCamp's own plugin sends no id for Bitrix24, so `bitrix24_<task|deal>_<host>/<id>`. No key:
// the note is the task's or deal's title.
const TASK = /^(\/(?:company\/personal\/user|workgroups\/group)\/\d+\/tasks\/task\/view\/(\d+))(?:\/|$)/;
const DEAL = /^\/crm\/deal\/details\/(\d+)\/?$/;

export const about = {
  id: 'bitrix24',
  name: 'Bitrix24',
  matches: [],
  selfHosted: false,
  // A task or deal opens in the portal's slider, an iframe of its own address (TMetric matches the
  // iframe's URL): the script runs in frames too.
  allFrames: true,
  // The portals' domains in TMetric's list.
  optionalHosts: [
    'https://*.bitrix24.com/*', 'https://*.bitrix24.eu/*', 'https://*.bitrix24.de/*', 'https://*.bitrix24.pl/*', 'https://*.bitrix24.fr/*', 'https://*.bitrix24.it/*',
    'https://*.bitrix24.es/*', 'https://*.bitrix24.com.br/*', 'https://*.bitrix24.com.tr/*', 'https://*.bitrix24.in/*', 'https://*.bitrix24.id/*', 'https://*.bitrix24.jp/*',
    'https://*.bitrix24.cn/*', 'https://*.bitrix24.vn/*', 'https://*.bitrix24.kz/*', 'https://*.bitrix24.ru/*', 'https://*.bitrix24.by/*', 'https://*.bitrix24.ua/*',
  ],
} satisfies SiteInfo;

export default defineIntegration(about, {
  issuePages: TASK,
  places: [
    {
      // The task card's title: the button goes right after it.
      name: 'task',
      url: TASK,
      anchor: '.tasks-field-title',
      position: 'after',
      read(anchor, page) {
        const [, path, id] = TASK.exec(page.pathname) ?? [];
        if (!path || !id) return null;
        return {
          externalId: `bitrix24_task_${page.host}/${id}`,
          key: '',
          title: textOf(anchor.querySelector(':scope > textarea')) || (anchor.getAttribute('data-task-field-value') ?? '').trim(),
          url: `${page.origin}${path}/`,
          project: firstText(anchor.ownerDocument, '.tasks-field-group-title') || undefined,
        };
      },
    },
    {
      // A deal's card on the CRM's kanban, after its title link.
      name: 'deal-card',
      anchor: '.crm-kanban-item .crm-kanban-item-title',
      position: 'after',
      read(anchor, page) {
        const link = linkOf(anchor, page);
        const id = link?.origin === page.origin ? DEAL.exec(link.pathname)?.[1] : undefined;
        if (!id) return null;
        return { externalId: `bitrix24_deal_${page.host}/${id}`, key: '', title: textOf(anchor), url: `${page.origin}/crm/deal/details/${id}/` };
      },
    },
  ],
});
