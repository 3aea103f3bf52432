import { t } from '@/lib/i18n';
import { Section } from './controls';
import { CustomIntegrations } from './CustomIntegrations';
import { OpenTabsReport } from './OpenTabsReport';
import { SelfHostedDomains } from './SelfHostedDomains';
import { TrackerSwitches } from './TrackerSwitches';

/** Where the in-page Start timer button appears. */
export function TrackersSection() {
  return (
    <Section id="trackers" title={t('options_trackersHeading')}>
      <TrackerSwitches />
      <SelfHostedDomains />
      <CustomIntegrations />
      <OpenTabsReport />
    </Section>
  );
}
