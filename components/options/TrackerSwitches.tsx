import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { useStored } from '@/components/use-stored';
import { FAMILY_ORDER, familyOf, PRIVATE_FAMILIES, SITES } from '@/lib/integrations/catalog';
import type { SiteInfo } from '@/lib/integrations/define';
import { switchOff, switchOn, withoutAccess } from '@/lib/options/tracker-access';
import { trackersOn } from '@/lib/storage/trackers-on';
import { Notice, Switch, useNotice } from './controls';
import { saveSettings, useSettings } from './settings-store';
import { listOf, trackerName } from './trackers';

/** The trackers switched on that lack access to their hosts, kept current as the browser grants or takes back access. */
function useMissingAccess(on: readonly string[] | undefined): readonly string[] {
  const [missing, setMissing] = useState<readonly string[]>([]);
  useEffect(() => {
    if (!on) return;
    let current = true;
    const check = () => void withoutAccess(SITES, on).then((ids) => current && setMissing(ids));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      current = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [on]);
  return missing;
}

/**
 * One switch per tracker, grouped by family. Trackers installed with their hosts are on until
 * switched off (`disabledIntegrations`; open pages follow at once). Those with optional hosts are
 * off until switched on, which asks the browser for their hosts; one that is on but has lost its
 * access says so, and asks again in one click.
 */
export function TrackerSwitches() {
  const current = useSettings();
  const on = useStored(trackersOn);
  const missing = useMissingAccess(on);
  const [notice, setNotice] = useNotice();
  const disabled = current?.disabledIntegrations ?? [];

  async function toggle(site: SiteInfo, wanted: boolean) {
    const name = trackerName(site.id);
    if (site.optionalHosts) {
      // The browser's prompt only shows during the click: asking comes first.
      if (wanted && !(await switchOn([site]))) return setNotice(t('options_trackerAccessDeclined', name));
      if (!wanted) await switchOff(site);
    } else {
      await saveSettings((stored) => {
        const rest = stored.disabledIntegrations.filter((other) => other !== site.id);
        return { disabledIntegrations: wanted ? rest : [...rest, site.id] };
      });
    }
    // A script registered now runs on the pages loaded from now on, not in tabs already open.
    setNotice(t(!wanted ? 'options_trackerOff' : site.optionalHosts ? 'options_trackerOnReload' : 'options_trackerOn', name));
  }

  const isOn = (site: SiteInfo) => (site.optionalHosts ? (on ?? []).includes(site.id) : !disabled.includes(site.id));

  return (
    <>
      <p class="hint">{t('options_trackersIntro')}</p>
      {FAMILY_ORDER.map((family) => {
        const sites = SITES.filter((site) => familyOf(site.id) === family);
        // Their switch asks for the cloud's hosts; a server of one's own is a domain added below.
        const cloudAndOwn = sites.filter((site) => site.optionalHosts && site.selfHosted).map((site) => trackerName(site.id));
        return (
          <div class="tracker-family" key={family}>
            <h3 id={`family-${family}`}>{t(`trackers_family_${family}`)}</h3>
            <ul class="tracker-switches" aria-labelledby={`family-${family}`}>
              {sites.map((site) => (
                <li key={site.id}>
                  <Switch
                    id={`tracker-${site.id}`}
                    label={trackerName(site.id)}
                    checked={isOn(site)}
                    disabled={!current || on === undefined}
                    onChange={(wanted) => void toggle(site, wanted)}
                    hint={missing.includes(site.id) ? <NoAccess site={site} onGranted={() => setNotice(t('options_trackerOn', trackerName(site.id)))} /> : undefined}
                  />
                </li>
              ))}
            </ul>
            {cloudAndOwn.length > 0 && <p class="hint">{t('options_trackersOwnServer', listOf(cloudAndOwn, 'conjunction'))}</p>}
            {PRIVATE_FAMILIES.includes(family) && <p class="hint">{t('options_trackersPrivate')}</p>}
          </div>
        );
      })}
      <Notice message={notice} />
    </>
  );
}

/** Under a tracker that is on but may not reach its hosts: says so, and asks again. */
function NoAccess({ site, onGranted }: { site: SiteInfo; onGranted(): void }) {
  return (
    <span class="tracker-no-access">
      {t('options_trackerNoAccess')}{' '}
      <button type="button" class="link-button" onClick={() => void switchOn([site]).then((granted) => granted && onGranted())}>
        {t('options_trackerGiveAccess', trackerName(site.id))}
      </button>
    </span>
  );
}
