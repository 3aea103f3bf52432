// @vitest-environment happy-dom
import airtable from '@/lib/integrations/sites/airtable';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const BASE = 'https://airtable.com/appX7kQ2mN9pL4rT1';
const RECORD = `${BASE}/tblR3vW8yB5nC2dF6/viwH4jK7sD1gZ9xA3/recM2pQ8tV5wE1yU7`;

describeView({
  integration: airtable,
  view: 'expanded record',
  fixture: 'airtable/record.html',
  url: RECORD,
  issue: {
    externalId: 'airtable_record_appX7kQ2mN9pL4rT1/recM2pQ8tV5wE1yU7',
    key: '',
    title: 'Spring launch newsletter',
    url: `${BASE}/tblR3vW8yB5nC2dF6/recM2pQ8tV5wE1yU7`,
  },
  // Records have no key: the note is the primary field.
  note: 'Spring launch newsletter',
  container: '.DetailViewWithActivityFeed',
  title: '.DetailViewWithActivityFeed .cellContainer textarea',
  next: {
    url: '/appX7kQ2mN9pL4rT1/tblR3vW8yB5nC2dF6/viwH4jK7sD1gZ9xA3/recN6rS3uX9zA4bC8',
    swap(view) {
      view.querySelector('.cellContainer textarea')!.textContent = 'Customer story: Northwind';
    },
    issue: { externalId: 'airtable_record_appX7kQ2mN9pL4rT1/recN6rS3uX9zA4bC8', key: '', title: 'Customer story: Northwind' },
  },
});

describeView({
  integration: airtable,
  view: 'record in an interface',
  fixture: 'airtable/interface-record.html',
  url: `${BASE}/pagT5fG2hJ8kL3mN6/recM2pQ8tV5wE1yU7`,
  issue: {
    externalId: 'airtable_record_appX7kQ2mN9pL4rT1/recM2pQ8tV5wE1yU7',
    key: '',
    title: 'Spring launch newsletter',
    url: `${BASE}/pagT5fG2hJ8kL3mN6/recM2pQ8tV5wE1yU7`,
  },
  note: 'Spring launch newsletter',
  container: '[data-testid="page-element-expansion-stack-renderer-dialog"]',
  title: '[data-tutorial-selector-id="pageCellLabelPair"] textarea',
  next: {
    url: '/appX7kQ2mN9pL4rT1/pagT5fG2hJ8kL3mN6/recN6rS3uX9zA4bC8',
    swap(dialog) {
      dialog.querySelector('[data-tutorial-selector-id="pageCellLabelPair"] textarea')!.textContent = 'Customer story: Northwind';
    },
    issue: { externalId: 'airtable_record_appX7kQ2mN9pL4rT1/recN6rS3uX9zA4bC8', key: '', title: 'Customer story: Northwind' },
  },
});

describePagesWithoutIssue(airtable, [
  { view: 'a grid view', fixture: 'airtable/grid.html', url: `${BASE}/tblR3vW8yB5nC2dF6/viwH4jK7sD1gZ9xA3` },
]);

describe('Airtable, more cases', () => {
  it.each([
    ['a view', RECORD],
    ['no view', `${BASE}/tblR3vW8yB5nC2dF6/recM2pQ8tV5wE1yU7`],
    ['a query', `${RECORD}?blocks=hide`],
  ])('reads the record from an address with %s', async (_, url) => {
    expect(await issuesOn(airtable, 'airtable/record.html', url)).toEqual([
      expect.objectContaining({ externalId: 'airtable_record_appX7kQ2mN9pL4rT1/recM2pQ8tV5wE1yU7', url: `${BASE}/tblR3vW8yB5nC2dF6/recM2pQ8tV5wE1yU7` }),
    ]);
  });

  it('gives a record the same id in a table and in an interface', async () => {
    const inTable = await issuesOn(airtable, 'airtable/record.html', RECORD);
    const inInterface = await issuesOn(airtable, 'airtable/interface-record.html', `${BASE}/pagT5fG2hJ8kL3mN6/recM2pQ8tV5wE1yU7`);
    expect(inInterface.map((i) => i.externalId)).toEqual(inTable.map((i) => i.externalId));
  });

  it.each([
    ['a table without a record', `${BASE}/tblR3vW8yB5nC2dF6`],
    ['a record id of the wrong length', `${BASE}/tblR3vW8yB5nC2dF6/recM2pQ8tV5`],
    ['a record under no base', 'https://airtable.com/tblR3vW8yB5nC2dF6/recM2pQ8tV5wE1yU7'],
    ['something else than a record', `${BASE}/tblR3vW8yB5nC2dF6/fldM2pQ8tV5wE1yU7`],
  ])('places nothing in the dialog for %s', async (_, url) => {
    expect(await issuesOn(airtable, 'airtable/record.html', url)).toEqual([]);
  });

  it('falls back to the dialog itself when its header changes', async () => {
    const flat = () => {
      const header = document.querySelector('.DetailViewWithActivityFeed > div:first-child')!;
      header.replaceChildren(...header.querySelectorAll('[role="button"]'));
    };
    const [issue] = await issuesOn(airtable, 'airtable/record.html', RECORD, flat);
    expect(issue).toMatchObject({ externalId: 'airtable_record_appX7kQ2mN9pL4rT1/recM2pQ8tV5wE1yU7', title: 'Spring launch newsletter' });
  });
});
