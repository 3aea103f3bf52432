// @vitest-environment happy-dom
import odoo from '@/lib/integrations/sites/odoo';
import { describe, expect, it } from 'vitest';
import { startIntegrations } from '@/lib/integrations/start';
import { fakeMessenger, hosts, issuesOn, openPage, settle } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const NAME = '.o_form_sheet .o_field_widget[name="name"] input';

describeView({
  integration: odoo,
  view: 'task form',
  fixture: 'odoo/task-form.html',
  url: 'https://acme.odoo.com/odoo/project/5/tasks/42',
  issue: {
    externalId: 'odoo_task_acme.odoo.com/42',
    key: '#42',
    title: 'Set up the staging server',
    url: 'https://acme.odoo.com/web#id=42&model=project.task&view_type=form',
    project: 'Website Redesign',
  },
  note: '#42 Set up the staging server',
  container: '.o_form_view',
  title: NAME,
  next: {
    url: '/odoo/project/5/tasks/43',
    swap(form) {
      (form.querySelector(NAME) as HTMLInputElement).value = 'Write the launch announcement';
    },
    issue: { externalId: 'odoo_task_acme.odoo.com/43', key: '#43', title: 'Write the launch announcement' },
  },
});

describeView({
  integration: odoo,
  view: 'Helpdesk ticket form',
  fixture: 'odoo/ticket-form.html',
  url: 'https://acme.odoo.com/odoo/helpdesk.ticket/318',
  issue: {
    externalId: 'odoo_ticket_acme.odoo.com/318',
    key: '#318',
    title: 'Cannot log in to the customer portal',
    url: 'https://acme.odoo.com/web#id=318&model=helpdesk.ticket&view_type=form',
    project: 'Customer Care',
  },
  note: '#318 Cannot log in to the customer portal',
  container: '.o_form_view',
  title: '.o_form_sheet .o_field_widget[name="name"]',
  next: {
    url: '/odoo/helpdesk.ticket/319',
    swap(form) {
      form.querySelector('.o_field_widget[name="name"]')!.textContent = 'Invoice PDF shows the wrong address';
    },
    issue: { externalId: 'odoo_ticket_acme.odoo.com/319', key: '#319', title: 'Invoice PDF shows the wrong address' },
  },
});

describePagesWithoutIssue(odoo, [
  { view: "a project's tasks in the kanban view", fixture: 'odoo/task-kanban.html', url: 'https://acme.odoo.com/odoo/project/5/tasks' },
]);

describe('Odoo, more cases', () => {
  it.each([
    ['a task opened from All Tasks', 'https://acme.odoo.com/odoo/project.task/42'],
    ['a task URL with a query', 'https://acme.odoo.com/odoo/project/5/tasks/42?debug=1'],
    ['an Odoo 17.0 URL', 'https://acme.odoo.com/web#id=42&cids=1&menu_id=118&action=362&model=project.task&view_type=form'],
    ['an Odoo 17.0 URL without a view type', 'https://acme.odoo.com/web#model=project.task&id=42'],
  ])('reads the task from %s', async (_, url) => {
    expect(await issuesOn(odoo, 'odoo/task-form.html', url)).toEqual([
      expect.objectContaining({ externalId: 'odoo_task_acme.odoo.com/42', key: '#42', url: 'https://acme.odoo.com/web#id=42&model=project.task&view_type=form' }),
    ]);
  });

  it('reads a ticket from a team’s tickets and from an Odoo 17.0 URL, on a self-hosted server', async () => {
    for (const url of ['https://erp.example.com/odoo/helpdesk/2/tickets/318', 'https://erp.example.com/web#id=318&model=helpdesk.ticket&view_type=form']) {
      expect(await issuesOn(odoo, 'odoo/ticket-form.html', url)).toEqual([
        expect.objectContaining({ externalId: 'odoo_ticket_erp.example.com/318', key: '#318', project: 'Customer Care' }),
      ]);
    }
  });

  it.each([
    ['a form whose URL names no model', 'https://acme.odoo.com/odoo/action-362/42'],
    ['another model', 'https://acme.odoo.com/odoo/sales/42'],
    ['an Odoo 17.0 URL of another model', 'https://acme.odoo.com/web#id=42&model=crm.lead&view_type=form'],
    ['an Odoo 17.0 list', 'https://acme.odoo.com/web#id=42&model=project.task&view_type=list'],
    ['a new task', 'https://acme.odoo.com/odoo/project/5/tasks/new'],
    ['a record opened from the task', 'https://acme.odoo.com/odoo/project/5/tasks/42/action-511/7'],
    ['a path naming an inherited property', 'https://acme.odoo.com/odoo/constructor/42'],
  ])('places no button on %s', async (_, url) => {
    expect(await issuesOn(odoo, 'odoo/task-form.html', url)).toEqual([]);
  });

  it('falls back to the breadcrumbs for the title and the project', async () => {
    const bare = () => {
      document.querySelector('.o_field_widget[name="name"]')!.remove();
      document.querySelector('.o_field_widget[name="project_id"]')!.remove();
    };
    const [issue] = await issuesOn(odoo, 'odoo/task-form.html', 'https://acme.odoo.com/odoo/project/5/tasks/42', bare);
    expect(issue).toMatchObject({ title: 'Set up the staging server', project: 'Website Redesign' });
  });

  it('goes into the status bar itself when the form has no status bar buttons', async () => {
    openPage('odoo/ticket-form.html', 'https://acme.odoo.com/odoo/helpdesk.ticket/318');
    const stop = startIntegrations([odoo], { messenger: fakeMessenger() });
    await settle();
    expect(hosts().map((host) => host.parentElement?.className)).toEqual(['o_form_statusbar']);
    expect(document.querySelector('.o_form_statusbar')!.firstElementChild).toBe(hosts()[0]);
    stop();
  });
});
