import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { checkNoteTemplate, TEMPLATE_MAX_LENGTH, type TemplateProblem } from '@/lib/options/settings-rules';
import { defaultNote, DEFAULT_NOTE_TEMPLATE } from '@/lib/integrations/note';
import { describedBy, FieldError, Notice, SaveButtons, Section, useNotice } from './controls';
import { saveSettings, useSettings } from './settings-store';

/** The issue the preview fills the template with. */
const EXAMPLE_ISSUE = { key: '#12', title: 'Fix login redirect', project: 'octo/app', url: 'https://github.com/octo/app/issues/12' };

function problemText(problem: TemplateProblem): string {
  switch (problem.problem) {
    case 'empty':
      return t('options_templateEmpty');
    case 'long':
      return t('options_templateLong', TEMPLATE_MAX_LENGTH);
    case 'unknown':
      return t('options_templateUnknown', problem.placeholder);
  }
}

/** How a timer started from an issue is noted, with a live preview. */
export function NoteTemplate() {
  const current = useSettings();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useNotice();
  const stored = current?.noteTemplate ?? DEFAULT_NOTE_TEMPLATE;
  const value = draft ?? stored;
  const preview = defaultNote(EXAMPLE_ISSUE, value);

  function edit(next: string | null) {
    setDraft(next);
    setError(null);
    setNotice('');
  }

  async function save(event: Event) {
    event.preventDefault();
    const problem = checkNoteTemplate(value);
    if (problem) return setError(problemText(problem));
    await saveSettings({ noteTemplate: value });
    setDraft(null);
    setNotice(t('options_templateSaved'));
  }

  return (
    <Section id="notes" title={t('options_notesHeading')} level={3}>
      <form onSubmit={save}>
        <label for="note-template">{t('options_templateLabel')}</label>
        <input
          id="note-template"
          type="text"
          spellcheck={false}
          autocomplete="off"
          value={value}
          disabled={!current}
          aria-invalid={error !== null}
          aria-describedby={describedBy(error !== null && 'note-template-error', 'note-template-hint', 'note-template-preview')}
          onInput={(event) => edit(event.currentTarget.value)}
        />
        <p id="note-template-hint" class="hint">
          {t('options_templateHint')}
        </p>
        <p id="note-template-preview" class="preview">
          {t('options_templatePreview')} <span class="preview-text">{preview === '' ? t('options_templatePreviewEmpty') : preview}</span>
        </p>
        <FieldError id="note-template-error" message={error} />
        <SaveButtons dirty={draft !== null && draft !== stored} onCancel={() => edit(null)} />
        {value !== DEFAULT_NOTE_TEMPLATE && (
          <button type="button" class="link-button" onClick={() => edit(DEFAULT_NOTE_TEMPLATE)}>
            {t('options_templateUseDefault', DEFAULT_NOTE_TEMPLATE)}
          </button>
        )}
      </form>
      <Notice message={notice} />
    </Section>
  );
}
