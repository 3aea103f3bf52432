import { useRef, useState } from 'preact/hooks';
import { t, tCount } from '@/lib/i18n';
import type { CustomIntegrationTrial } from '@/lib/integrations/custom/try-on-page';
import { problemText, type CustomIntegrationProblem } from '@/lib/integrations/custom/validate';
import type { CustomIntegration } from '@/lib/storage/domains';
import { labelKey } from './custom-fields';
import { testOnTab, type TabTest } from './tab-test';

/** A test on the current tab: its last outcome, whether one runs, and what starts one. */
export function useTabTest(): { result: TabTest | null; busy: boolean; run(item: CustomIntegration): void; clear(): void } {
  const [result, setResult] = useState<TabTest | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the latest press shows its outcome: an earlier, slower tab must not overwrite it.
  const latest = useRef(0);
  return {
    result,
    busy,
    run(item) {
      const press = ++latest.current;
      // Called before any state is set or awaited: testOnTab asks for access within the gesture.
      const outcome = testOnTab(item);
      setBusy(true);
      setResult(null);
      void outcome.then((found) => {
        if (press !== latest.current) return;
        setResult(found);
        setBusy(false);
      });
    },
    clear() {
      latest.current++;
      setResult(null);
      setBusy(false);
    },
  };
}

/** What the content script found; page text (selectors' matches, the address) goes in as text only. */
function Trial({ url, trial, domain }: { url: string; trial: CustomIntegrationTrial; domain: string }) {
  const errors = Object.entries(trial.errors) as Array<[keyof CustomIntegration, CustomIntegrationProblem]>;
  const { issue } = trial;
  return (
    <>
      <p>{t('options_customTestedOn', url || domain)}</p>
      {errors.length > 0 ? (
        <>
          <p class="field-error">{t('options_customTestFieldErrors')}</p>
          <ul>
            {errors.map(([field, problem]) => (
              <li key={field}>{`${t(labelKey(field))}: ${problemText(field, problem)}`}</li>
            ))}
          </ul>
        </>
      ) : (
        <ul>
          {!trial.onDomain && <li>{t('options_customTestOtherDomain', domain)}</li>}
          <li>{t(trial.pathMatches ? 'options_customTestPathMatches' : 'options_customTestPathDiffers')}</li>
          <li>{tCount('options_customTestAnchors', trial.anchors)}</li>
          {issue ? (
            <li>
              {t('options_customTestIssue')}
              <dl>
                <dt>{t('options_customTestKey')}</dt>
                <dd>{issue.key}</dd>
                <dt>{t('options_customTestIssueTitle')}</dt>
                <dd>{issue.title || t('options_customTestEmpty')}</dd>
                <dt>{t('options_customTestExternalId')}</dt>
                <dd>
                  <code>{issue.externalId}</code>
                </dd>
              </dl>
            </li>
          ) : (
            <li>{t(trial.anchors > 0 ? 'options_customTestNoKey' : 'options_customTestNoIssue')}</li>
          )}
        </ul>
      )}
    </>
  );
}

function Outcome({ result }: { result: TabTest }) {
  switch (result.outcome) {
    case 'refused':
      return <p class="field-error">{t('options_customTestRefused', result.domain)}</p>;
    case 'no-tab':
      return <p>{t('options_customTestNoTab', result.domain)}</p>;
    case 'failed':
      return <p class="field-error">{t('options_customTestFailed', result.message)}</p>;
    case 'tested':
      return <Trial url={result.url} trial={result.trial} domain={result.domain} />;
  }
}

/**
 * The outcome of "Test on current tab", next to what was tested. The live region stays in the
 * page while empty: screen readers announce changes only to a region they already know.
 */
export function TabTestResult({ id, name, result, busy }: { id: string; name?: string; result: TabTest | null; busy: boolean }) {
  return (
    <div id={id} class="tab-test full" aria-live="polite" aria-busy={busy}>
      {name && (busy || result) && (
        <p>
          <strong>{name}</strong>
        </p>
      )}
      {busy && <p class="muted">{t('options_customTesting')}</p>}
      {result && <Outcome result={result} />}
    </div>
  );
}
