import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, tCount } from '@/lib/i18n';
import { useStored } from '@/components/use-stored';
import { pageReports, type PageReport } from '@/lib/storage/page-reports';
import { Section } from './controls';
import { trackerName } from './trackers';

/** Tab titles by tab id, where the browser tells them (tabs on a tracker's host, which the extension may read). */
function useTabTitles(tabIds: string[]): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  const key = tabIds.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      tabIds.map(async (id) => {
        try {
          const tab = await browser.tabs.get(Number(id));
          return [id, tab?.title ?? ''] as const;
        } catch {
          return [id, ''] as const; // closed since it reported
        }
      }),
    ).then((found) => live && setTitles(Object.fromEntries(found.filter(([, title]) => title !== ''))));
    return () => {
      live = false;
    };
  }, [key]);
  return titles;
}

/** A URL's host, or '' for one that does not parse. */
function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

/** The tab's title where anyone knows it (the browser now, or with the report), and its host. */
function TabTitle({ id, title, reports }: { id: string; title: string | undefined; reports: readonly PageReport[] }) {
  const known = title ?? reports.find((report) => report.title)?.title;
  const host = hostOf(reports[0]?.url);
  if (!known) return <p class="tab-title">{host ? t('options_tabOnHost', host) : t('options_tabNumber', id)}</p>;
  return (
    <p class="tab-title">
      {known}
      {host && <span class="tab-host muted"> · {host}</span>}
    </p>
  );
}

/** What an integration found on a page, in words, and whether that is a problem. */
function outcome(report: PageReport): { text: string; problem: boolean } {
  const found = report.externalIds ?? [];
  if (found.length > 0) return { text: tCount('options_reportFound', found.length), problem: false };
  if (report.issuePage) return { text: t('options_reportMissing'), problem: true };
  return { text: t('options_reportNotIssue'), problem: false };
}

/**
 * What each integration did on the tabs open now (the background records it
 * for the session): enough for the user to tell which page lost its button,
 * and to report it precisely. Page text is shown as text, never as markup.
 */
export function OpenTabsReport() {
  const reports = useStored(pageReports);
  const tabIds = Object.keys(reports ?? {}).sort((a, b) => Number(a) - Number(b));
  const titles = useTabTitles(tabIds);
  const tabs = tabIds.map((id) => [id, reports?.[id] ?? []] as const).filter(([, list]) => list.length > 0);

  return (
    <Section id="open-tabs" title={t('options_openTabsHeading')} level={3}>
      {reports === undefined ? null : tabs.length === 0 ? (
        <p class="hint">{t('options_openTabsNone')}</p>
      ) : (
        <>
          <p class="hint">{t('options_openTabsIntro')}</p>
          <ul class="tab-reports">
            {tabs.map(([id, list]) => (
              <li key={id}>
                <TabTitle id={id} title={titles[id]} reports={list} />
                <ul>
                  {list.map((report) => {
                    const { text, problem } = outcome(report);
                    return (
                      <li key={report.integration} class={problem ? 'report problem' : 'report'}>
                        <span class="report-head">
                          <strong>{trackerName(report.integration)}</strong> <span class={problem ? 'badge warn' : 'badge'}>{text}</span>
                        </span>
                        <span class="report-url">{report.url}</span>
                        {report.externalIds && report.externalIds.length > 0 && (
                          <span class="report-ids">
                            {report.externalIds.map((externalId) => (
                              <code key={externalId}>{externalId}</code>
                            ))}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
