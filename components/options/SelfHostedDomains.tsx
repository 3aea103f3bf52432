import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { useStored } from '@/components/use-stored';
import { parseDomain } from '@/lib/options/domain';
import { guessIntegration } from '@/lib/options/guess-integration';
import { releaseDomainAccess, requestHostAccess } from '@/lib/options/host-access';
import { selfHostedDomains, type SelfHostedDomain } from '@/lib/storage/domains';
import { updateItem } from '@/lib/storage/update-item';
import { describedBy, FieldError, Notice, Section, useNotice } from './controls';
import { domainProblemText } from './domain-problem';
import { ownServerNames, SELF_HOSTED_INTEGRATIONS, selfHostedName } from './trackers';

/**
 * Trackers on the user's own domains. Adding one asks for access to that
 * domain first and stores it only when granted; the background then runs the
 * tracker's script there. Removing one gives the access back.
 */
export function SelfHostedDomains() {
  const list = useStored(selfHostedDomains);
  const [text, setText] = useState('');
  // What the user picked; until then, what the domain suggests (`gitlab.` → GitLab), else nothing:
  // a silent default put GitLab hosts down as GitHub Enterprise.
  const [chosen, setChosen] = useState<string | null>(null);
  const typed = parseDomain(text);
  const integration = chosen ?? (typed.ok ? guessIntegration(typed.hostname, SELF_HOSTED_INTEGRATIONS) : null) ?? '';
  const [error, setError] = useState<string | null>(null);
  const [integrationError, setIntegrationError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useNotice();

  function add(event: Event) {
    event.preventDefault();
    setNotice('');
    const parsed = parseDomain(text);
    if (!parsed.ok) return setError(domainProblemText(parsed.problem));
    const existing = (list ?? []).find((entry) => entry.domain === parsed.domain);
    if (existing) return setError(t('options_domainDuplicate', [parsed.domain, selfHostedName(existing.integration)]));
    setError(null);
    if (integration === '') return setIntegrationError(t('options_integrationMissing', parsed.hostname));

    setBusy(true);
    // Nothing may be awaited before this request: it needs the click's user gesture.
    requestHostAccess(parsed.domain)
      .then(async (granted) => {
        if (!granted) return setError(t('options_domainRefused', parsed.hostname));
        const entry: SelfHostedDomain = { domain: parsed.domain, integration };
        await updateItem(selfHostedDomains, (current) => (current.some((other) => other.domain === entry.domain) ? current : [...current, entry]));
        setText('');
        setChosen(null);
        setNotice(t('options_domainAdded', [entry.domain, selfHostedName(integration)]));
      })
      .catch((failure: Error) => setError(t('options_domainRequestFailed', failure.message)))
      .finally(() => setBusy(false));
  }

  async function remove(entry: SelfHostedDomain) {
    await updateItem(selfHostedDomains, (current) => current.filter((other) => other.domain !== entry.domain));
    await releaseDomainAccess(entry.domain);
    setNotice(t('options_domainRemoved', entry.domain));
  }

  return (
    <Section id="self-hosted" title={t('options_selfHostedHeading')} level={3}>
      <p class="hint">{t('options_selfHostedIntro', ownServerNames())}</p>
      <form class="inline-form" onSubmit={add} aria-busy={busy}>
        <div class="field grow">
          <label for="self-hosted-domain">{t('options_domainLabel')}</label>
          <input
            id="self-hosted-domain"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="gitlab.example.com"
            value={text}
            aria-invalid={error !== null}
            aria-describedby={describedBy(error !== null && 'self-hosted-domain-error', 'self-hosted-domain-hint')}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setError(null);
              setIntegrationError(null);
            }}
          />
        </div>
        <div class="field">
          <label for="self-hosted-integration">{t('options_integrationLabel')}</label>
          <select
            id="self-hosted-integration"
            value={integration}
            aria-invalid={integrationError !== null}
            aria-describedby={describedBy(integrationError !== null && 'self-hosted-integration-error')}
            onChange={(event) => {
              setChosen(event.currentTarget.value || null);
              setIntegrationError(null);
            }}
          >
            <option value="" disabled>
              {t('options_integrationChoose')}
            </option>
            {SELF_HOSTED_INTEGRATIONS.map((id) => (
              <option key={id} value={id}>
                {selfHostedName(id)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {t('options_addDomain')}
        </button>
        <p id="self-hosted-domain-hint" class="hint full">
          {t('options_domainHint')}
        </p>
        <div class="full">
          <FieldError id="self-hosted-domain-error" message={error} />
          <FieldError id="self-hosted-integration-error" message={integrationError} />
        </div>
      </form>
      {list && list.length > 0 && (
        <ul class="entry-list">
          {list.map((entry) => (
            <li key={entry.domain}>
              <span class="entry-main" id={`self-hosted-${entry.domain}`}>
                <strong>{entry.domain}</strong> <span class="muted">{selfHostedName(entry.integration)}</span>
              </span>
              <button type="button" class="secondary" aria-describedby={`self-hosted-${entry.domain}`} onClick={() => void remove(entry)}>
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Notice message={notice} />
    </Section>
  );
}
