// @vitest-environment happy-dom
import insightly from '@/lib/integrations/sites/insightly';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const CRM = 'https://crm.na1.insightly.com';
const TASK = `${CRM}/details/task/48120377`;

describeView({
  integration: insightly,
  view: 'task page',
  fixture: 'insightly/task.html',
  url: TASK,
  issue: { externalId: '48120377', key: '', title: 'Prepare the Q3 proposal', url: TASK, project: 'Northwind rollout' },
  note: 'Prepare the Q3 proposal',
  container: 'header.head',
  title: '#entityname',
  next: {
    url: '/details/task/48120378',
    swap(header) {
      header.querySelector('#entityname')!.textContent = 'Book the kick-off meeting';
    },
    issue: { externalId: '48120378', key: '', title: 'Book the kick-off meeting' },
  },
});

describeView({
  integration: insightly,
  view: 'contact page',
  fixture: 'insightly/contact.html',
  url: `${CRM}/details/Contact/301122456`,
  issue: { externalId: 'contact_301122456', key: '', title: 'Maria Johnson', url: `${CRM}/details/contact/301122456` },
  note: 'Maria Johnson',
  container: 'header.head',
  title: '#entityname',
  next: {
    url: '/details/Contact/301122457',
    swap(header) {
      header.querySelector('#entityname')!.textContent = 'Tom Becker';
    },
    issue: { externalId: 'contact_301122457', key: '', title: 'Tom Becker' },
  },
});

describePagesWithoutIssue(insightly, [
  { view: 'the task list', fixture: 'insightly/tasks-list.html', url: `${CRM}/list/task/` },
  { view: 'a record’s markup at an address that names no record', fixture: 'insightly/contact.html', url: `${CRM}/details/Contact/` },
]);

describe('Insightly, more cases', () => {
  it.each([
    ['a task, kind capitalised and plural', '/details/Tasks/48120377', '48120377', '/details/task/48120377'],
    ['a project', '/details/Project/5120044', 'project_5120044', '/details/project/5120044'],
    ['an opportunity', '/details/opportunity/7730012', 'opp_7730012', '/details/opportunity/7730012'],
    ['opportunities', '/details/Opportunities/7730012', 'opp_7730012', '/details/opportunity/7730012'],
    ['a lead', '/details/Lead/60011', 'lead_60011', '/details/lead/60011'],
    ['an organisation', '/details/Organisation/88123', 'organisation_88123', '/details/organisation/88123'],
  ])('reads %s with TimeCamp’s id', async (_, path, externalId, canonical) => {
    expect(await issuesOn(insightly, 'insightly/contact.html', `${CRM}${path}`)).toEqual([expect.objectContaining({ externalId, url: `${CRM}${canonical}` })]);
  });

  it('reads a task opened in a blade over another page, the blade first', async () => {
    expect(await issuesOn(insightly, 'insightly/task.html', `${CRM}/details/Project/5120044?blade=/details/task/48120377`)).toEqual([
      expect.objectContaining({ externalId: '48120377', url: TASK, project: 'Northwind rollout' }),
    ]);
  });

  it.each([
    ['an id that is no number', '/details/task/48x'],
    ['an unknown kind', '/details/email/48120377'],
    ['a US spelling TimeCamp does not know', '/details/Organization/88123'],
  ])('places no button for %s', async (_, path) => {
    expect(await issuesOn(insightly, 'insightly/task.html', `${CRM}${path}`)).toEqual([]);
  });

  it('takes the title from the task’s fields when the header has no name, and the opportunity as the project', async () => {
    const tweak = () => {
      document.querySelector('#entityname')!.remove();
      document.querySelector('#metadata-row-viewer-PROJECT_ID')!.id = 'metadata-row-viewer-OPPORTUNITY_ID';
    };
    expect(await issuesOn(insightly, 'insightly/task.html', TASK, tweak)).toEqual([
      expect.objectContaining({ externalId: '48120377', title: 'Prepare the Q3 proposal', project: 'Northwind rollout' }),
    ]);
  });

  it('sends the contact’s name only: no e-mail address or phone number', async () => {
    const sent = JSON.stringify(await issuesOn(insightly, 'insightly/contact.html', `${CRM}/details/Contact/301122456`));
    expect(sent).toContain('Maria Johnson');
    expect(sent).not.toMatch(/@|555/);
  });

  it('sends no description of a task', async () => {
    expect(JSON.stringify(await issuesOn(insightly, 'insightly/task.html', TASK))).not.toMatch(/pricing|Tuesday/);
  });
});
