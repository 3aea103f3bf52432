// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OpenTabsReport } from '@/components/options/OpenTabsReport';
import { pageReports } from '@/lib/storage/page-reports';
import { mount, until, useOptionsTestBrowser } from './harness';

const HOSTILE = '<img src=x onerror="document.title=1"><b>Fix</b>';

describe('integrations on the open tabs', () => {
  useOptionsTestBrowser();

  it('says when no tab has reported yet', async () => {
    const page = mount(<OpenTabsReport />);
    await until(() => expect(page.textContent).toContain('None of your open tabs shows a tracker yet.'));
  });

  it('shows per tab what each integration found, and where a button is missing', async () => {
    await pageReports.setValue({
      '4': [{ integration: 'github', url: 'https://github.com/octo/app/issues/12', issuePage: true, externalIds: ['github_issue_octo/app#12'], at: 1 }],
      '9': [
        { integration: 'jira', url: 'https://acme.atlassian.net/browse/PROJ-7', issuePage: true, externalIds: [], at: 2 },
        { integration: 'gitlab', url: 'https://gitlab.com/group/app', issuePage: false, at: 3 },
      ],
    });
    const page = mount(<OpenTabsReport />);
    const tabs = await until(() => {
      const items = [...page.querySelectorAll('.tab-reports > li')];
      expect(items).toHaveLength(2);
      return items;
    });

    expect(tabs[0]!.textContent).toContain('GitHub');
    expect(tabs[0]!.textContent).toContain('https://github.com/octo/app/issues/12');
    expect(tabs[0]!.textContent).toContain('Button placed for 1 issue');
    expect(tabs[0]!.textContent).toContain('github_issue_octo/app#12');

    const [jira, gitlab] = [...tabs[1]!.querySelectorAll('.report')];
    expect(jira!.textContent).toContain('Jira');
    expect(jira!.textContent).toContain('No button found — the site may have changed');
    expect(jira!.classList.contains('problem')).toBe(true);
    expect(gitlab!.textContent).toContain('Not an issue page');
    // A tab whose title nobody knows is named by its host, not by its number.
    expect(tabs[1]!.querySelector('.tab-title')!.textContent).toBe('Tab on acme.atlassian.net');
  });

  it("names each tab by its title and host: the browser's title now, else the one it gave with the report", async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (tabId: number) => (tabId === 4 ? { id: 4, title: 'Fix login redirect · Issue #12' } : { id: tabId })) as never);
    await pageReports.setValue({
      '4': [{ integration: 'github', url: 'https://github.com/octo/app/issues/12', issuePage: true, externalIds: ['github_issue_octo/app#12'], at: 1 }],
      '1215870984': [{ integration: 'gitlab', url: 'https://gitlab.mycompany.com/group/app/-/issues/5', title: 'Export fails (#5) · Issues · GitLab', issuePage: true, externalIds: [], at: 2 }],
    });
    const page = mount(<OpenTabsReport />);

    await until(() =>
      expect([...page.querySelectorAll('.tab-title')].map((title) => title.textContent)).toEqual([
        'Fix login redirect · Issue #12 · github.com',
        'Export fails (#5) · Issues · GitLab · gitlab.mycompany.com',
      ]),
    );
    expect(page.textContent).not.toContain('1215870984');
  });

  it('shows page text as text, never as markup', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 5, title: HOSTILE } as never);
    await pageReports.setValue({
      '5': [{ integration: 'github', url: 'https://github.com/octo/app/issues/1?q=<script>alert(1)</script>', issuePage: true, externalIds: [`github_issue_${HOSTILE}`], at: 1 }],
    });
    const page = mount(<OpenTabsReport />);

    await until(() => expect(page.querySelector('.tab-title')!.textContent).toBe(`${HOSTILE} · github.com`));
    expect(page.querySelector('img, b, script')).toBeNull();
    expect(page.textContent).toContain('<script>alert(1)</script>');
    expect(page.querySelector('.report-ids code')!.textContent).toBe(`github_issue_${HOSTILE}`);
  });

  it('follows the reports as tabs come and go', async () => {
    const page = mount(<OpenTabsReport />);
    await until(() => expect(page.textContent).toContain('None of your open tabs'));
    await pageReports.setValue({ '3': [{ integration: 'trello', url: 'https://trello.com/c/abc', issuePage: true, externalIds: ['card_abc'], at: 1 }] });
    await until(() => expect(page.querySelectorAll('.tab-reports > li')).toHaveLength(1));
    await pageReports.setValue({});
    await until(() => expect(page.textContent).toContain('None of your open tabs'));
  });
});
