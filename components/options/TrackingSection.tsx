import { t } from '@/lib/i18n';
import { ButtonClick } from './ButtonClick';
import { Section } from './controls';
import { DisplayFormats } from './DisplayFormats';
import { IdleDetection } from './IdleDetection';
import { NoteTemplate } from './NoteTemplate';
import { Reminders } from './Reminders';
import { TaskDefaults } from './TaskDefaults';

/** How timers are started, noted and kept honest. */
export function TrackingSection() {
  return (
    <Section id="tracking" title={t('options_trackingHeading')}>
      <ButtonClick />
      <TaskDefaults />
      <NoteTemplate />
      <IdleDetection />
      <Reminders />
      <DisplayFormats />
    </Section>
  );
}
