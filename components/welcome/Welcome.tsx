import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { saveSettings, useSettings } from '@/components/options/settings-store';
import { trackerName } from '@/components/options/trackers';
import { useStored } from '@/components/use-stored';
import { FAMILY_ORDER, familyOf, SITES } from '@/lib/integrations/catalog';
import type { SiteInfo } from '@/lib/integrations/define';
import { switchOff, switchOn } from '@/lib/options/tracker-access';
import { trackersOn } from '@/lib/storage/trackers-on';
import './welcome.css';

/** The trackers a person picks here: every one but the attribute contract, which needs a domain of theirs (options page). */
const PICKABLE = SITES.filter((site) => familyOf(site.id) !== 'own');

/** `app.clickup.com`, `*.monday.com`: the hosts a tracker asks for, as a person reads them. */
const hostsText = (site: SiteInfo) => (site.optionalHosts ?? []).map((pattern) => pattern.replace(/^[^:]+:\/\/|\/\*$/g, '')).join(', ');

/**
 * The first-run page: how to sign in, and every tracker by family, to pick where the Start timer
 * button appears. The trackers installed with their hosts start ticked; the work-management apps
 * whose hosts are optional start unticked, and the ones ticked are asked for in one request.
 */
export function Welcome() {
  const settings = useSettings();
  const on = useStored(trackersOn);
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const loaded = settings !== undefined && on !== undefined;
  const stored = new Set(PICKABLE.filter((site) => (site.optionalHosts ? on?.includes(site.id) : !settings?.disabledIntegrations.includes(site.id))).map((site) => site.id));
  const chosen = picked ?? stored;

  function pick(id: string, wanted: boolean) {
    const next = new Set(chosen);
    if (wanted) next.add(id);
    else next.delete(id);
    setPicked(next);
    setMessage(null);
  }

  async function save(event: Event) {
    event.preventDefault();
    const asked = PICKABLE.filter((site) => site.optionalHosts && chosen.has(site.id) && !on?.includes(site.id));
    // The browser's prompt only shows during the click: asking comes first, once for them all.
    if (asked.length > 0 && !(await switchOn(asked))) {
      setMessage({ text: t('welcome_declined'), error: true });
      return;
    }
    for (const site of PICKABLE.filter((site) => site.optionalHosts && !chosen.has(site.id) && on?.includes(site.id))) await switchOff(site);
    const off = PICKABLE.filter((site) => !site.optionalHosts && !chosen.has(site.id)).map((site) => site.id);
    await saveSettings((current) => ({ disabledIntegrations: [...current.disabledIntegrations.filter((id) => !PICKABLE.some((site) => site.id === id)), ...off] }));
    setMessage({ text: t('welcome_saved', String(chosen.size)), error: false });
  }

  return (
    <main class="welcome">
      <h1>{t('welcome_heading')}</h1>
      <p class="lead">{t('welcome_intro')}</p>
      <section aria-labelledby="welcome-sign-in">
        <h2 id="welcome-sign-in">{t('welcome_signInHeading')}</h2>
        <p>{t('welcome_signInText')}</p>
        <p>
          <a class="button-link" href={browser.runtime.getURL('/options.html')}>
            {t('welcome_openSettings')}
          </a>
        </p>
      </section>
      <section aria-labelledby="welcome-trackers">
        <h2 id="welcome-trackers">{t('welcome_trackersHeading')}</h2>
        <p>{t('welcome_trackersText')}</p>
        <form onSubmit={(event) => void save(event)}>
          {FAMILY_ORDER.filter((family) => family !== 'own').map((family) => (
            <fieldset key={family}>
              <legend>{t(`trackers_family_${family}`)}</legend>
              {PICKABLE.filter((site) => familyOf(site.id) === family).map((site) => (
                <label class="tracker-choice" key={site.id}>
                  <input type="checkbox" checked={chosen.has(site.id)} disabled={!loaded} onChange={(event) => pick(site.id, event.currentTarget.checked)} />
                  <span>{trackerName(site.id)}</span>
                  {site.optionalHosts && <span class="hint">{t('welcome_asksFor', hostsText(site))}</span>}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" disabled={!loaded}>
            {t('welcome_save')}
          </button>
          <p class={message?.error ? 'field-error' : 'notice'} role={message?.error ? 'alert' : 'status'}>
            {message?.text}
          </p>
        </form>
      </section>
    </main>
  );
}
