// @vitest-environment happy-dom
import plane from '@/lib/integrations/sites/plane';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const LIST = 'https://app.plane.so/acme/projects/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/issues/';
const setTitle = (root: ParentNode, text: string) => ((root.querySelector('#title-input') as HTMLTextAreaElement).value = text);

describeView({
  integration: plane,
  view: 'work item page',
  fixture: 'plane/work-item-page.html',
  url: 'https://app.plane.so/acme/browse/WEB-12/',
  issue: {
    externalId: 'plane_issue_app.plane.so/acme/WEB-12',
    key: 'WEB-12',
    title: 'Fix the checkout total rounding',
    url: 'https://app.plane.so/acme/browse/WEB-12/',
  },
  note: 'WEB-12 Fix the checkout total rounding',
  container: 'main',
  title: '#title-input',
  next: {
    url: '/acme/browse/WEB-13/',
    swap: (main) => setTitle(main, 'Show delivery dates in the cart'),
    issue: { externalId: 'plane_issue_app.plane.so/acme/WEB-13', key: 'WEB-13', title: 'Show delivery dates in the cart' },
  },
});

describeView({
  integration: plane,
  view: 'peek overview',
  fixture: 'plane/peek-overview.html',
  url: LIST,
  issuePage: false,
  issue: {
    externalId: 'plane_issue_app.plane.so/acme/WEB-12',
    key: 'WEB-12',
    title: 'Fix the checkout total rounding',
    url: 'https://app.plane.so/acme/browse/WEB-12/',
  },
  note: 'WEB-12 Fix the checkout total rounding',
  container: '#full-screen-portal',
  title: '#title-input',
  next: {
    // The peek has no URL of its own: another view of the project opens another work item.
    url: '/acme/projects/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/cycles/7e6d5c4b-3a29-4817-9f0e-d1c2b3a49586/',
    swap(portal) {
      portal.querySelector('a[href="/acme/browse/WEB-12/"]')!.setAttribute('href', '/acme/browse/WEB-13/');
      setTitle(portal, 'Show delivery dates in the cart');
    },
    issue: { externalId: 'plane_issue_app.plane.so/acme/WEB-13', key: 'WEB-13', title: 'Show delivery dates in the cart' },
  },
});

describePagesWithoutIssue(plane, [{ view: 'a project’s work items without a peek', fixture: 'plane/work-items-list.html', url: LIST }]);

describe('Plane, more cases', () => {
  it.each([
    ['a browse URL without the trailing slash', 'https://app.plane.so/acme/browse/WEB-12'],
    ['a browse URL with a query', 'https://app.plane.so/acme/browse/WEB-12/?tab=activity'],
  ])('reads the key from %s', async (_, url) => {
    expect(await issuesOn(plane, 'plane/work-item-page.html', url)).toEqual([
      expect.objectContaining({ externalId: 'plane_issue_app.plane.so/acme/WEB-12', url: 'https://app.plane.so/acme/browse/WEB-12/' }),
    ]);
  });

  it('includes a self-hosted instance’s host, port and all', async () => {
    expect(await issuesOn(plane, 'plane/work-item-page.html', 'https://plane.example.org:8443/acme/browse/WEB-12/')).toEqual([
      expect.objectContaining({ externalId: 'plane_issue_plane.example.org:8443/acme/WEB-12', url: 'https://plane.example.org:8443/acme/browse/WEB-12/' }),
    ]);
  });

  it('decodes a project identifier with Turkish letters', async () => {
    expect(await issuesOn(plane, 'plane/work-item-page.html', 'https://plane.example.org/acme/browse/%C3%87EK-3/')).toEqual([
      expect.objectContaining({ externalId: 'plane_issue_plane.example.org/acme/ÇEK-3', key: 'ÇEK-3' }),
    ]);
  });

  it('reads the key from the document title on an older Plane’s work item page', async () => {
    const url = 'https://plane.example.org/acme/projects/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/issues/9b2e4c1a-7d3f-4e8a-b6c5-2f1e0d9c8b7a';
    expect(await issuesOn(plane, 'plane/work-item-page.html', url)).toEqual([
      expect.objectContaining({ externalId: 'plane_issue_plane.example.org/acme/WEB-12', key: 'WEB-12', url: 'https://plane.example.org/acme/browse/WEB-12/' }),
    ]);
  });

  it('places no button on an older Plane’s page before its title names the work item', async () => {
    const url = 'https://plane.example.org/acme/projects/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/issues/9b2e4c1a-7d3f-4e8a-b6c5-2f1e0d9c8b7a';
    expect(await issuesOn(plane, 'plane/work-item-page.html', url, () => (document.title = 'Plane | Simple, extensible, open-source project management tool.'))).toEqual([]);
  });

  it.each([
    ['a lower-case key', 'https://app.plane.so/acme/browse/web-12/'],
    ['a key without a number', 'https://app.plane.so/acme/browse/WEB-x/'],
    ['a key with a path in it', 'https://app.plane.so/acme/browse/WEB%2F12/'],
    ['a malformed escape', 'https://app.plane.so/acme/browse/WEB-%E0%A4%A/'],
  ])('refuses %s', async (_, url) => {
    expect(await issuesOn(plane, 'plane/work-item-page.html', url)).toEqual([]);
  });

  it('gives the page’s work item and a sub-item peeked over it a button each', async () => {
    const peek = () => {
      const portal = document.querySelector('#full-screen-portal')!;
      portal.innerHTML = '<div><div><a href="/acme/browse/WEB-14/"><svg></svg></a></div><textarea id="title-input">Round per line</textarea></div>';
    };
    expect(await issuesOn(plane, 'plane/work-item-page.html', 'https://app.plane.so/acme/browse/WEB-12/', peek)).toEqual([
      expect.objectContaining({ externalId: 'plane_issue_app.plane.so/acme/WEB-14', title: 'Round per line' }),
      expect.objectContaining({ externalId: 'plane_issue_app.plane.so/acme/WEB-12', title: 'Fix the checkout total rounding' }),
    ]);
  });

  it('takes the peek’s key from its header, not from the parent work item’s link', async () => {
    const noHeader = () => document.querySelector('#full-screen-portal a svg')!.closest('a')!.remove();
    expect(await issuesOn(plane, 'plane/peek-overview.html', LIST, noHeader)).toEqual([]);
  });

  it('refuses a peek header link to another site', async () => {
    const elsewhere = () => document.querySelector('#full-screen-portal a svg')!.closest('a')!.setAttribute('href', 'https://evil.example/acme/browse/WEB-12/');
    expect(await issuesOn(plane, 'plane/peek-overview.html', LIST, elsewhere)).toEqual([]);
  });
});
