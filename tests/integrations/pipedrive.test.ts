// @vitest-environment happy-dom
import pipedrive from '@/lib/integrations/sites/pipedrive';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const DEAL = 'https://northwind.pipedrive.com/deal/1234';
const PERSON = 'https://northwind.pipedrive.com/person/318';
const ORGANIZATION = 'https://northwind.pipedrive.com/organization/57';

describeView({
  integration: pipedrive,
  view: 'deal page',
  fixture: 'pipedrive/deal.html',
  url: DEAL,
  issue: { externalId: 'pipedrive_deal_northwind/1234', key: '', title: 'Website redesign for Northwind', url: DEAL },
  note: 'Website redesign for Northwind',
  container: 'header',
  title: '[data-testid="header-title"] textarea',
  next: {
    url: '/deal/1235',
    swap(header) {
      header.querySelector('textarea')!.textContent = 'Support contract 2027';
    },
    issue: { externalId: 'pipedrive_deal_northwind/1235', key: '', title: 'Support contract 2027' },
  },
});

describeView({
  integration: pipedrive,
  view: 'person page',
  fixture: 'pipedrive/person.html',
  url: PERSON,
  issue: { externalId: 'pipedrive_person_northwind/318', key: '', title: 'Maria Johnson', url: PERSON },
  note: 'Maria Johnson',
  container: '.detailView',
  title: 'title',
  next: {
    url: '/person/319',
    swap(view) {
      document.title = 'Tom Becker - contact details';
      view.querySelector('h1')!.textContent = 'Tom Becker';
    },
    issue: { externalId: 'pipedrive_person_northwind/319', key: '', title: 'Tom Becker' },
  },
});

describeView({
  integration: pipedrive,
  view: 'organisation page',
  fixture: 'pipedrive/organization.html',
  url: ORGANIZATION,
  issue: { externalId: 'pipedrive_organization_northwind/57', key: '', title: 'Northwind Traders', url: ORGANIZATION },
  note: 'Northwind Traders',
  container: '.detailView',
  title: 'title',
  next: {
    url: '/organization/58',
    swap(view) {
      document.title = 'Contoso Ltd - contact details';
      view.querySelector('h1')!.textContent = 'Contoso Ltd';
    },
    issue: { externalId: 'pipedrive_organization_northwind/58', key: '', title: 'Contoso Ltd' },
  },
});

describePagesWithoutIssue(pipedrive, [
  { view: 'the deals pipeline', fixture: 'pipedrive/deals-pipeline.html', url: 'https://northwind.pipedrive.com/pipeline/1/user/everyone' },
  { view: 'the persons list', fixture: 'pipedrive/person.html', url: 'https://northwind.pipedrive.com/persons/list' },
  { view: 'the organisations list', fixture: 'pipedrive/organization.html', url: 'https://northwind.pipedrive.com/organizations/list' },
]);

describe('Pipedrive, more cases', () => {
  it('reads a deal URL with a trailing slash, and scopes the id by the company’s host', async () => {
    expect(await issuesOn(pipedrive, 'pipedrive/deal.html', 'https://contoso.pipedrive.com/deal/1234/')).toEqual([
      expect.objectContaining({ externalId: 'pipedrive_deal_contoso/1234', url: 'https://contoso.pipedrive.com/deal/1234' }),
    ]);
  });

  it('reads the title from the editable text when the header has no textarea', async () => {
    const tweak = () => {
      document.querySelector('[data-testid="header-title"]')!.innerHTML = '<div class="cui5-editable-text__input">Website redesign for Northwind</div>';
    };
    expect(await issuesOn(pipedrive, 'pipedrive/deal.html', DEAL, tweak)).toEqual([expect.objectContaining({ title: 'Website redesign for Northwind' })]);
  });

  it.each([
    ['a deal id that is no number', 'https://northwind.pipedrive.com/deal/abc', 'pipedrive/deal.html'],
    ['a person id that is no number', 'https://northwind.pipedrive.com/person/x1', 'pipedrive/person.html'],
    ['an organisation id that is no number', 'https://northwind.pipedrive.com/organization/x57', 'pipedrive/organization.html'],
    ['a host that is not a Pipedrive company', 'https://pipedrive.example.com/deal/1234', 'pipedrive/deal.html'],
    ['the deal header on a person URL', PERSON, 'pipedrive/deal.html'],
  ])('places no button for %s', async (_, url, file) => {
    expect(await issuesOn(pipedrive, file, url)).toEqual([]);
  });

  it('sends the person’s name only: no e-mail address or phone number', async () => {
    const sent = JSON.stringify(await issuesOn(pipedrive, 'pipedrive/person.html', PERSON));
    expect(sent).toContain('Maria Johnson');
    expect(sent).not.toMatch(/@|555|contact details/);
  });

  it('sends the organisation’s name only: no address or people', async () => {
    const sent = JSON.stringify(await issuesOn(pipedrive, 'pipedrive/organization.html', ORGANIZATION));
    expect(sent).toContain('Northwind Traders');
    expect(sent).not.toMatch(/Harbour|Maria|contact details/);
  });

  it('tells a person from an organisation with the same id apart', async () => {
    const [person] = await issuesOn(pipedrive, 'pipedrive/person.html', 'https://northwind.pipedrive.com/person/57');
    const [organisation] = await issuesOn(pipedrive, 'pipedrive/organization.html', ORGANIZATION);
    expect(person?.externalId).toBe('pipedrive_person_northwind/57');
    expect(organisation?.externalId).toBe('pipedrive_organization_northwind/57');
  });

  it('sends the deal’s title only: no person, address or note from the page', async () => {
    const sent = JSON.stringify(await issuesOn(pipedrive, 'pipedrive/deal.html', DEAL));
    expect(sent).not.toMatch(/Maria|@|budget/);
  });
});
