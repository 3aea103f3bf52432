import { defineIntegration, type SiteInfo } from '../define';
import { firstText, linkOf, textOf } from '../read';

// Bitrix24 cloud (`<portal>.bitrix24.<tld>`): a task's page, `/company/personal/user/<u>/tasks/task/view/<id>/`
// or in a workgroup `/workgroups/group/<g>/tasks/task/view/<id>/`; deal cards on the CRM's
// kanban, whose title links to `/crm/deal/details/<id>/`; and that deal's own page, which the
// portal shows in its slider (an iframe at `/crm/deal/details/<id>/?IFRAME=Y…`). Ids are numbers,
// unique in a portal. TimeCamp's own plugin sends no id for Bitrix24, so
// `bitrix24_<task|deal>_<host>/<id>`, the same for a deal's card and its page. No key: the note is
// the task's or deal's title (never the deal's client, amount or phone).
const TASK = /^(\/(?:company\/personal\/user|workgroups\/group)\/\d+\/tasks\/task\/view\/(\d+))(?:\/|$)/;
const DEAL = /^\/crm\/deal\/details\/(\d+)\/?$/;
// A deal's own page (its route, with the slider's query); `details/0/` is the form for a new deal.
const DEAL_PAGE = /^\/crm\/deal\/details\/([1-9]\d*)\/?(?:\?|$)/;

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
  issuePages: new RegExp(`${TASK.source}|${DEAL_PAGE.source}`),
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
    {
      // A deal's page in the slider's frame: its header shows the title in `#pagetitle`, and the
      // entity editor moves the title's last word into `#pagetitle_btn_wrapper`, ahead of the
      // rename and copy-link buttons, so that they wrap with it. The button goes after those.
      name: 'deal',
      url: DEAL_PAGE,
      anchor: '.crm-iframe-header .pagetitle > #pagetitle_btn_wrapper',
      position: 'after',
      read(anchor, page) {
        const id = DEAL_PAGE.exec(page.pathname)?.[1];
        if (!id) return null;
        const head = anchor.parentElement?.querySelector(':scope > #pagetitle');
        const title = textOf(head) + ' ' + textOf(anchor);
        return { externalId: `bitrix24_deal_${page.host}/${id}`, key: '', title: title.trim(), url: `${page.origin}/crm/deal/details/${id}/` };
      },
    },
  ],
});
