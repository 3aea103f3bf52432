import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/storage/settings';
import { Notice, Section, useNotice } from './controls';
import { saveSettings, useSettings } from './settings-store';

const CHOICES: ReadonlyArray<{ value: Settings['buttonClick']; label: string; hint: string }> = [
  { value: 'start', label: 'options_buttonStart', hint: 'options_buttonStartHint' },
  { value: 'confirm', label: 'options_buttonConfirm', hint: 'options_buttonConfirmHint' },
];

/** What a tracker's Start timer button does on click. */
export function ButtonClick() {
  const current = useSettings();
  const [notice, setNotice] = useNotice();

  async function choose(value: Settings['buttonClick']) {
    await saveSettings({ buttonClick: value });
    setNotice(t('options_buttonSaved'));
  }

  return (
    <Section id="button-click" title={t('options_buttonHeading')} level={3}>
      <fieldset class="choices">
        <legend>{t('options_buttonLegend')}</legend>
        {CHOICES.map(({ value, label, hint }) => (
          <div class="choice" key={value}>
            <input
              id={`button-click-${value}`}
              type="radio"
              name="button-click"
              value={value}
              checked={(current?.buttonClick ?? 'start') === value}
              disabled={!current}
              aria-describedby={`button-click-${value}-hint`}
              onChange={() => void choose(value)}
            />
            <label for={`button-click-${value}`}>{t(label)}</label>
            <p id={`button-click-${value}-hint`} class="hint">
              {t(hint)}
            </p>
          </div>
        ))}
      </fieldset>
      <Notice message={notice} />
    </Section>
  );
}
