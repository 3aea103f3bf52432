import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, tCount } from '@/lib/i18n';
import type { ActivityStatus } from '@/lib/activity/service';
import { sendMessage } from '@/lib/messaging/protocol';
import { parseDomain } from '@/lib/options/domain';
import { describedBy, FieldError, Notice, SaveButtons, Section, Switch, useNotice } from './controls';
import { domainProblemText } from './domain-problem';
import { saveSettings, useSettings } from './settings-store';

const TABS: { permissions: Array<'tabs'> } = { permissions: ['tabs'] };

/** One domain per line, each checked like a tracker's domain; the first bad line is named. */
function parseExcluded(text: string): { ok: true; domains: string[] } | { ok: false; message: string } {
  const domains: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseDomain(line);
    if (!parsed.ok) return { ok: false, message: t('activity_excludedBadLine', [line.trim(), domainProblemText(parsed.problem)]) };
    if (!domains.includes(parsed.hostname)) domains.push(parsed.hostname);
  }
  return { ok: true, domains };
}

/** Browser activity: off until switched on (with the browser's `tabs` permission), what it records and sends, and what waits. */
export function ActivitySection() {
  const current = useSettings();
  const prefs = current?.activity;
  const [notice, setNotice] = useNotice();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<ActivityStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const stored = prefs?.excluded.join('\n') ?? '';
  const text = draft ?? stored;

  const readStatus = () =>
    void sendMessage('activityStatus', undefined)
      .then(setStatus)
      .catch(() => setStatus(null));
  useEffect(readStatus, []);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  async function toggle(on: boolean) {
    setRefusal(null);
    setNotice('');
    if (on) {
      // Asked inside the click: browsers grant permissions only in answer to the user's gesture.
      const granted = await browser.permissions.request(TABS).catch(() => false);
      if (!granted) return setRefusal(t('activity_permissionRefused'));
      await saveSettings((s) => ({ activity: { ...s.activity, enabled: true } }));
      return setNotice(t('activity_on'));
    }
    await saveSettings((s) => ({ activity: { ...s.activity, enabled: false } }));
    // Nothing else uses it: the browser's access to tab addresses goes back with the switch.
    await browser.permissions.remove(TABS).catch(() => false);
    setNotice(t('activity_off'));
  }

  async function toggleTitles(on: boolean) {
    await saveSettings((s) => ({ activity: { ...s.activity, titles: on } }));
    setNotice(t(on ? 'activity_titlesOn' : 'activity_titlesOff'));
  }

  async function saveExcluded(event: Event) {
    event.preventDefault();
    const parsed = parseExcluded(text);
    if (!parsed.ok) return setError(parsed.message);
    await saveSettings((s) => ({ activity: { ...s.activity, excluded: parsed.domains } }));
    setDraft(null);
    setNotice(t('activity_excludedSaved'));
  }

  async function deleteWaiting() {
    await sendMessage('deleteWaitingActivity', undefined);
    setConfirming(false);
    setNotice(t('activity_deleted'));
    readStatus();
  }

  return (
    <Section id="activity" title={t('activity_heading')}>
      <p>{t('activity_what')}</p>
      <p>{t('activity_where')}</p>
      <p class="hint">{t(prefs?.titles ? 'activity_exampleWithTitle' : 'activity_example')}</p>
      <Switch id="activity-enabled" label={t('activity_switch')} checked={prefs?.enabled ?? false} disabled={!prefs} onChange={(on) => void toggle(on)} />
      <FieldError id="activity-refused" message={refusal} />
      <Switch
        id="activity-titles"
        label={t('activity_titles')}
        hint={t('activity_titlesHint')}
        checked={prefs?.titles ?? false}
        disabled={!prefs}
        onChange={(on) => void toggleTitles(on)}
      />
      <form onSubmit={saveExcluded} noValidate>
        <label for="activity-excluded">{t('activity_excluded')}</label>
        <textarea
          id="activity-excluded"
          rows={6}
          value={text}
          disabled={!prefs}
          aria-invalid={error !== null}
          aria-describedby={describedBy(error !== null && 'activity-excluded-error', 'activity-excluded-hint')}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            setError(null);
            setNotice('');
          }}
        />
        <p id="activity-excluded-hint" class="hint">
          {t('activity_excludedHint')}
        </p>
        <FieldError id="activity-excluded-error" message={error} />
        <SaveButtons
          dirty={draft !== null && draft !== stored}
          onCancel={() => {
            setDraft(null);
            setError(null);
          }}
        />
      </form>
      <h3>{t('activity_waitingHeading')}</h3>
      <p>{status && status.spans > 0 ? t('activity_waiting', [tCount('activity_spans', status.spans), Math.ceil(status.seconds / 60), status.oldestDay ?? '']) : t('activity_nothingWaiting')}</p>
      {status && status.spans > 0 && !confirming && (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('activity_delete')}
        </button>
      )}
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="activity-delete-question">
          <p id="activity-delete-question">{t('activity_deleteQuestion')}</p>
          <div class="button-row">
            <button type="button" ref={keepRef} class="secondary" onClick={() => setConfirming(false)}>
              {t('activity_keep')}
            </button>
            <button type="button" class="danger" onClick={() => void deleteWaiting()}>
              {t('activity_deleteConfirm')}
            </button>
          </div>
        </div>
      )}
      <Notice message={notice} />
    </Section>
  );
}
