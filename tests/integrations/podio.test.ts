// @vitest-environment happy-dom
import podio from '@/lib/integrations/sites/podio';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const ITEM = 'https://podio.com/acme/marketing/apps/campaigns/items/12';

describeView({
  integration: podio,
  view: 'item page',
  fixture: 'podio/item-page.html',
  url: ITEM,
  issue: {
    // TimeCamp's own format: Podio's item id, not the item's number in its app.
    externalId: 'i2870012345',
    key: '',
    title: 'Spring newsletter',
    url: ITEM,
  },
  // Items have no key: the note is the title.
  note: 'Spring newsletter',
  container: '#wrapper',
  title: '.item-topbar .breadcrumb .item-title',
  next: {
    url: '/acme/marketing/apps/campaigns/items/13',
    swap(wrapper) {
      wrapper.setAttribute('data-context-id', '2870012399');
      wrapper.querySelector('.item-title')!.textContent = 'Summer webinar';
    },
    issue: { externalId: 'i2870012399', key: '', title: 'Summer webinar' },
  },
});

describePagesWithoutIssue(podio, [
  { view: 'an app’s item list with no item open', fixture: 'podio/app-items.html', url: 'https://podio.com/acme/marketing/apps/campaigns' },
]);

describe('Podio, more cases', () => {
  it.each([
    ['an item URL', ITEM],
    ['an item URL with a trailing slash', `${ITEM}/`],
    ['an item URL with a query', `${ITEM}?ref=notification`],
  ])('knows the item on %s, by the id the page gives', async (_, url) => {
    expect(await issuesOn(podio, 'podio/item-page.html', url)).toEqual([expect.objectContaining({ externalId: 'i2870012345', url: ITEM })]);
  });

  it('takes the id from the page’s item context rather than the share button', async () => {
    const other = () => document.querySelector('.share')!.setAttribute('data-id', '2870099999');
    expect(await issuesOn(podio, 'podio/item-page.html', ITEM, other)).toEqual([expect.objectContaining({ externalId: 'i2870012345' })]);
  });

  it('falls back to the share button’s id when the page names no item context', async () => {
    const noContext = () => document.querySelector('#wrapper')!.removeAttribute('data-context-type');
    expect(await issuesOn(podio, 'podio/item-page.html', ITEM, noContext)).toEqual([expect.objectContaining({ externalId: 'i2870012345' })]);
  });

  it('places no button when the page gives no item id (the number in the URL is not one)', async () => {
    const none = () => {
      document.querySelector('#wrapper')!.removeAttribute('data-context-type');
      document.querySelector('.share')!.removeAttribute('data-id');
    };
    expect(await issuesOn(podio, 'podio/item-page.html', ITEM, none)).toEqual([]);
  });

  it.each([['i2870012345'], ['2870012345/../1'], ['']])('refuses an item id %j', async (id) => {
    const odd = () => document.querySelector('#wrapper')!.setAttribute('data-context-id', id);
    expect(await issuesOn(podio, 'podio/item-page.html', ITEM, odd)).toEqual([]);
  });

  it('places nothing on a page that is no item page', async () => {
    expect(await issuesOn(podio, 'podio/item-page.html', 'https://podio.com/acme/marketing/apps/campaigns')).toEqual([]);
  });

  it('reads the title from the item’s Title field when the breadcrumb has none', async () => {
    const noCrumb = () => document.querySelector('.breadcrumb .item-title')!.remove();
    const [issue] = await issuesOn(podio, 'podio/item-page.html', ITEM, noCrumb);
    expect(issue).toMatchObject({ externalId: 'i2870012345', title: 'Spring newsletter' });
  });
});
