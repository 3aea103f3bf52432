// @vitest-environment happy-dom
import salesforce from '@/lib/integrations/sites/salesforce';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const ORG = 'https://northwind.lightning.force.com';
const OPPORTUNITY = `${ORG}/lightning/r/Opportunity/0065g00000AbCdEAAV/view`;
const LIST = `${ORG}/lightning/o/Opportunity/list?filterName=Recent`;

describeView({
  integration: salesforce,
  view: 'record page',
  fixture: 'salesforce/opportunity-record.html',
  url: OPPORTUNITY,
  issue: { externalId: 'salesforce_opportunity_0065g00000AbCdEAAV', key: '', title: 'Northwind - 200 licences', url: OPPORTUNITY },
  note: 'Northwind - 200 licences',
  container: '.forceHighlightsPanel',
  title: '.slds-page-header__title',
  next: {
    url: '/lightning/r/Opportunity/0065g00000AbCdFAAV/view',
    swap(panel) {
      panel.querySelector('.slds-page-header__title')!.textContent = 'Contoso - support renewal';
    },
    issue: { externalId: 'salesforce_opportunity_0065g00000AbCdFAAV', key: '', title: 'Contoso - support renewal' },
  },
});

describeView({
  integration: salesforce,
  view: 'list view row',
  fixture: 'salesforce/opportunities-list.html',
  url: LIST,
  issuePage: false,
  issue: { externalId: 'salesforce_opportunity_0065g00000AbCdEAAV', key: '', title: 'Northwind - 200 licences', url: OPPORTUNITY },
  note: 'Northwind - 200 licences',
  container: 'tbody tr',
  title: 'th a',
  next: {
    url: '/lightning/o/Opportunity/list?filterName=MyOpportunities',
    swap(row) {
      const link = row.querySelector('th a')!;
      link.setAttribute('data-recordid', '0065g00000AbCdFAAV');
      link.textContent = 'Contoso - support renewal';
    },
    issue: { externalId: 'salesforce_opportunity_0065g00000AbCdFAAV', key: '', title: 'Contoso - support renewal' },
  },
});

describeView({
  integration: salesforce,
  view: 'split view list item (tasks)',
  fixture: 'salesforce/tasks-split-view.html',
  url: `${ORG}/lightning/o/Task/home`,
  issuePage: false,
  issue: {
    externalId: 'salesforce_task_00T5g00000Pq7RsEAJ',
    key: '',
    title: 'Call Maria about the renewal',
    url: `${ORG}/lightning/r/Task/00T5g00000Pq7RsEAJ/view`,
  },
  note: 'Call Maria about the renewal',
  container: '.slds-split-view__list-item',
  title: '.uiOutputText',
  next: {
    url: '/lightning/o/Task/list?filterName=Today',
    swap(item) {
      item.querySelector('a')!.setAttribute('data-recordid', '00T5g00000Pq7RtEAJ');
      item.querySelector('.uiOutputText')!.textContent = 'Send the signed order form';
    },
    issue: { externalId: 'salesforce_task_00T5g00000Pq7RtEAJ', key: '', title: 'Send the signed order form' },
  },
});

describePagesWithoutIssue(salesforce, [
  { view: 'the home page', fixture: 'salesforce/home.html', url: `${ORG}/lightning/page/home` },
  { view: 'a record page’s markup on the object’s home', fixture: 'salesforce/opportunity-record.html', url: `${ORG}/lightning/o/Opportunity/home` },
]);

describe('Salesforce, more cases', () => {
  it.each([
    ['an account', 'Account', '0015g00000Xy9KqAAJ', 'salesforce_account_0015g00000Xy9KqAAJ'],
    ['a case', 'Case', '5005g00000Mn3QrAAJ', 'salesforce_case_5005g00000Mn3QrAAJ'],
    ['a custom object', 'Invoice__c', 'a025g00000Zz1YxAAJ', 'salesforce_invoice__c_a025g00000Zz1YxAAJ'],
  ])('names %s by its object in lower case, as TimeCamp does', async (_, object, id, externalId) => {
    const url = `${ORG}/lightning/r/${object}/${id}/view`;
    expect(await issuesOn(salesforce, 'salesforce/opportunity-record.html', url)).toEqual([expect.objectContaining({ externalId, url })]);
  });

  it('sends a 15-character id with its 18 characters, so a record keeps one id', async () => {
    const [issue] = await issuesOn(salesforce, 'salesforce/opportunity-record.html', `${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`);
    expect(issue).toMatchObject({ externalId: 'salesforce_opportunity_0065g00000AbCdEAAV', url: OPPORTUNITY });
  });

  it.each([
    ['a checksum that does not match', '0065g00000AbCdEAAA'],
    ['the checksum of another case', '0065g00000abcdeAAV'],
    ['a wrong length', '0065g00000AbCd'],
    ['other characters', '0065g00000AbCd-AAV'],
  ])('refuses a record id with %s', async (_, id) => {
    expect(await issuesOn(salesforce, 'salesforce/opportunity-record.html', `${ORG}/lightning/r/Opportunity/${id}/view`)).toEqual([]);
  });

  it('places its button in the older highlights panel too', async () => {
    const tweak = () => document.querySelector('.forceHighlightsPanel')!.classList.remove('forceHighlightsPanel');
    expect(await issuesOn(salesforce, 'salesforce/opportunity-record.html', OPPORTUNITY, tweak)).toEqual([
      expect.objectContaining({ externalId: 'salesforce_opportunity_0065g00000AbCdEAAV', title: 'Northwind - 200 licences' }),
    ]);
  });

  it('gives each row of a list its own button, and refuses a row whose id is none', async () => {
    const rows = () => {
      const row = document.querySelector('tbody tr')!;
      for (const [id, name] of [['0065g00000AbCdFAAV', 'Contoso - support renewal'], ['nope', 'Broken row']]) {
        const copy = row.cloneNode(true) as Element;
        copy.querySelector('th a')!.setAttribute('data-recordid', id!);
        copy.querySelector('th a')!.textContent = name!;
        row.parentElement!.append(copy);
      }
    };
    expect(await issuesOn(salesforce, 'salesforce/opportunities-list.html', LIST, rows)).toEqual([
      expect.objectContaining({ externalId: 'salesforce_opportunity_0065g00000AbCdEAAV', title: 'Northwind - 200 licences' }),
      expect.objectContaining({ externalId: 'salesforce_opportunity_0065g00000AbCdFAAV', title: 'Contoso - support renewal' }),
    ]);
  });

  it('takes a case’s subject from the column after its number', async () => {
    const cases = () => {
      const row = document.querySelector('tbody tr')!;
      row.querySelector('th a')!.setAttribute('data-recordid', '5005g00000Mn3QrAAJ');
      row.querySelector('th a')!.textContent = '00001026';
      row.querySelector('td a')!.textContent = 'Printer on floor 3 is offline';
    };
    expect(await issuesOn(salesforce, 'salesforce/opportunities-list.html', `${ORG}/lightning/o/Case/list?filterName=AllOpenCases`, cases)).toEqual([
      expect.objectContaining({ externalId: 'salesforce_case_5005g00000Mn3QrAAJ', title: 'Printer on floor 3 is offline' }),
    ]);
  });

  it('sends the record’s name only: no address or description from the page', async () => {
    const sent = JSON.stringify(await issuesOn(salesforce, 'salesforce/opportunity-record.html', OPPORTUNITY));
    expect(sent).toContain('Northwind - 200 licences');
    expect(sent).not.toMatch(/@|discount|Northwind Traders|Opportunity Northwind/);
  });
});
