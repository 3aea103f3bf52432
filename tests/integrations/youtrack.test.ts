// @vitest-environment happy-dom
import youtrack from '@/lib/integrations/sites/youtrack';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

describeView({
  integration: youtrack,
  view: 'issue page (YouTrack Cloud)',
  fixture: 'youtrack/issue.html',
  url: 'https://acme.youtrack.cloud/issue/SHOP-12/Cart-total-ignores-coupons',
  issue: {
    externalId: 'youtrack_issue_acme.youtrack.cloud/SHOP-12',
    key: 'SHOP-12',
    title: 'Cart total ignores coupons',
    url: 'https://acme.youtrack.cloud/issue/SHOP-12',
    project: 'Shop',
  },
  note: 'SHOP-12 Cart total ignores coupons',
  container: '[data-test="issue-container"]',
  title: 'h1[data-test="ticket-summary"]',
  next: {
    url: '/issue/SHOP-13/Free-shipping-threshold',
    swap: (view) => (view.querySelector('h1[data-test="ticket-summary"]')!.textContent = 'Free shipping threshold'),
    issue: { externalId: 'youtrack_issue_acme.youtrack.cloud/SHOP-13', key: 'SHOP-13', title: 'Free shipping threshold' },
  },
});

describeView({
  integration: youtrack,
  view: 'issue page, id link and fields inside the content (TMetric’s layout)',
  // TMetric reads the id link and the Project field inside `[class^=ticketContentInner__]`, in a
  // `[class^=sidebarContainer_]`; Clockify, newer, from the breadcrumbs and a sidebar beside it.
  tweak(root) {
    const inner = root.querySelector('[class^="ticketContentInner__"]')!;
    const side = inner.ownerDocument.createElement('div');
    side.className = 'sidebarContainer__m2n3';
    side.append(root.querySelector('[class^="idLink__"]')!, root.querySelector('[data-test="fields-sidebar"]')!);
    inner.append(side);
  },
  fixture: 'youtrack/issue.html',
  url: 'https://acme.youtrack.cloud/issue/SHOP-12/Cart-total-ignores-coupons',
  issue: {
    externalId: 'youtrack_issue_acme.youtrack.cloud/SHOP-12',
    key: 'SHOP-12',
    title: 'Cart total ignores coupons',
    url: 'https://acme.youtrack.cloud/issue/SHOP-12',
    project: 'Shop',
  },
  note: 'SHOP-12 Cart total ignores coupons',
  container: '[data-test="issue-container"]',
  title: 'h1[data-test="ticket-summary"]',
  next: {
    url: '/issue/SHOP-13/Free-shipping-threshold',
    swap: (view) => (view.querySelector('h1[data-test="ticket-summary"]')!.textContent = 'Free shipping threshold'),
    issue: { externalId: 'youtrack_issue_acme.youtrack.cloud/SHOP-13', key: 'SHOP-13', title: 'Free shipping threshold' },
  },
});

describeView({
  integration: youtrack,
  view: 'agile board dialog (myjetbrains.com, under /youtrack)',
  fixture: 'youtrack/agile-board.html',
  url: 'https://acme.myjetbrains.com/youtrack/agiles/108-4/current?issue=SHOP-15',
  issue: {
    externalId: 'youtrack_issue_acme.myjetbrains.com/SHOP-15',
    key: 'SHOP-15',
    title: 'Coupon codes are case-sensitive',
    url: 'https://acme.myjetbrains.com/youtrack/issue/SHOP-15',
    project: 'Shop',
  },
  note: 'SHOP-15 Coupon codes are case-sensitive',
  container: '[role="dialog"]',
  title: '[role="dialog"] h1[data-test="ticket-summary"]',
  next: {
    url: '/youtrack/agiles/108-4/current?issue=SHOP-16',
    swap(dialog) {
      dialog.querySelector('h1')!.textContent = 'Show savings in the cart';
      dialog.querySelector('[id^="id-link"]')!.setAttribute('href', 'issue/SHOP-16');
    },
    issue: { externalId: 'youtrack_issue_acme.myjetbrains.com/SHOP-16', key: 'SHOP-16', title: 'Show savings in the cart' },
  },
});

describePagesWithoutIssue(youtrack, [{ view: 'the issue list', fixture: 'youtrack/issue-list.html', url: 'https://acme.youtrack.cloud/issues?q=project:%20SHOP' }]);

describe('YouTrack, more cases', () => {
  it('works on a self-hosted instance under a sub-path', async () => {
    expect(await issuesOn(youtrack, 'youtrack/issue.html', 'https://yt.example.com/youtrack/issue/SHOP-12')).toEqual([
      expect.objectContaining({ externalId: 'youtrack_issue_yt.example.com/SHOP-12', url: 'https://yt.example.com/youtrack/issue/SHOP-12' }),
    ]);
  });

  it('reads the dialog’s id link when the URL names no issue', async () => {
    const issues = await issuesOn(youtrack, 'youtrack/agile-board.html', 'https://acme.myjetbrains.com/youtrack/agiles/108-4/current');
    expect(issues).toEqual([expect.objectContaining({ externalId: 'youtrack_issue_acme.myjetbrains.com/SHOP-15', url: 'https://acme.myjetbrains.com/youtrack/issue/SHOP-15' })]);
  });
});
