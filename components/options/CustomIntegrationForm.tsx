import { Fragment } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { validateCustomIntegration } from '@/lib/integrations/custom/validate';
import { parseDomain } from '@/lib/options/domain';
import { requestHostAccess } from '@/lib/options/host-access';
import type { CustomIntegration } from '@/lib/storage/domains';
import { describedBy, FieldError } from './controls';
import { FIELD_LABELS } from './custom-fields';
import { domainProblemText } from './domain-problem';
import { TabTestResult, useTabTest } from './TabTestResult';

/** What the form collects: everything but the id, which is given when it is stored. */
type CustomIntegrationDraft = Omit<CustomIntegration, 'id'>;
type TextField = Exclude<keyof CustomIntegrationDraft, 'position'>;

const EMPTY: CustomIntegrationDraft = { name: '', domain: '', pathPattern: '', anchor: '', position: 'after', title: '', key: '' };

// Examples of code (hosts, patterns, selectors) are the same in every language; the name's is a message.
const TEXT_FIELDS: ReadonlyArray<{ field: TextField; placeholder: string; hint?: string }> = [
  { field: 'name', placeholder: 'options_customNamePlaceholder' },
  { field: 'domain', placeholder: 'tickets.example.com' },
  { field: 'pathPattern', placeholder: '^/tickets/\\d+', hint: 'options_customPathHint' },
  { field: 'anchor', placeholder: 'h1.ticket-title', hint: 'options_customAnchorHint' },
  { field: 'title', placeholder: 'h1.ticket-title .text' },
  { field: 'key', placeholder: '.ticket-number', hint: 'options_customKeyHint' },
];

const POSITIONS: ReadonlyArray<{ value: CustomIntegration['position']; label: string }> = [
  { value: 'after', label: 'options_positionAfter' },
  { value: 'before', label: 'options_positionBefore' },
  { value: 'inside', label: 'options_positionInside' },
  { value: 'prepend', label: 'options_positionPrepend' },
];

/** The fields in the order the form shows them. */
const FIELD_ORDER: ReadonlyArray<keyof CustomIntegrationDraft> = ['name', 'domain', 'pathPattern', 'anchor', 'position', 'title', 'key'];

const fieldId = (field: keyof CustomIntegrationDraft) => `custom-${field}`;

/**
 * A new id such as `1a2b3c4d`. It becomes part of the external ids of the
 * integration's issues (`custom_<id>_<host>/<key>`), so it is short, and
 * random rather than taken from the name, which the user may change.
 */
function newId(): string {
  return crypto.randomUUID().slice(0, 8);
}

/**
 * The integration as it would be stored, and what is wrong with it. The
 * content script's own check decides (it skips what it refuses); the domain
 * is normalised first, so a pasted address is accepted, and its problems are
 * worded here.
 */
function check(draft: CustomIntegrationDraft, id: string): { item: CustomIntegration; errors: Partial<Record<keyof CustomIntegration, string>> } {
  const domain = parseDomain(draft.domain);
  const trimmed = (text: string) => text.trim();
  const item: CustomIntegration = {
    id,
    name: trimmed(draft.name),
    domain: domain.ok ? domain.domain : trimmed(draft.domain),
    pathPattern: trimmed(draft.pathPattern),
    anchor: trimmed(draft.anchor),
    position: draft.position,
    title: trimmed(draft.title),
    key: trimmed(draft.key),
  };
  const errors = validateCustomIntegration(item);
  if (!domain.ok) errors.domain = domainProblemText(domain.problem);
  return { item, errors };
}

/**
 * Describes a tracker the extension does not know with a path pattern and CSS
 * selectors: data only, never code. Checked here, then access to its host is
 * asked for; `onAdd` gets it only when access was granted. "Test on current
 * tab" tries it on an open page of its host before it is added.
 */
export function CustomIntegrationForm({ onAdd }: { onAdd(item: CustomIntegration): Promise<void> }) {
  const [draft, setDraft] = useState<CustomIntegrationDraft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof CustomIntegrationDraft, string>>>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // One id per draft, so the external ids a test shows are those the added integration will give.
  const [id, setId] = useState(newId);
  const tabTest = useTabTest();

  function edit(field: keyof CustomIntegrationDraft, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
    setRefused(null);
  }

  /** The draft as it would be stored, or null once its errors are shown next to their fields. */
  function checked(): CustomIntegration | null {
    const { item, errors: found } = check(draft, id);
    const { id: _generated, ...fieldErrors } = found;
    const wrong = FIELD_ORDER.filter((field) => fieldErrors[field] !== undefined);
    if (wrong.length > 0) {
      setErrors(fieldErrors);
      // The first field to fix takes the focus, and with it its explanation.
      formRef.current?.querySelector<HTMLElement>(`#${fieldId(wrong[0]!)}`)?.focus();
      return null;
    }
    setErrors({});
    return item;
  }

  function test() {
    const item = checked();
    if (item) tabTest.run(item);
  }

  function submit(event: Event) {
    event.preventDefault();
    const item = checked();
    if (!item) return;
    setBusy(true);
    // Nothing may be awaited before this request: it needs the click's user gesture.
    requestHostAccess(item.domain)
      .then(async (granted) => {
        if (!granted) return setRefused(t('options_domainRefused', item.domain));
        await onAdd(item);
        setDraft(EMPTY);
        setId(newId());
        tabTest.clear();
      })
      .catch((failure: Error) => setRefused(t('options_domainRequestFailed', failure.message)))
      .finally(() => setBusy(false));
  }

  const errorId = (field: keyof CustomIntegrationDraft) => `${fieldId(field)}-error`;

  return (
    <form ref={formRef} class="custom-form" onSubmit={submit} aria-busy={busy} noValidate>
      {TEXT_FIELDS.map(({ field, placeholder, hint }) => (
        <Fragment key={field}>
          <div class="field">
            <label for={fieldId(field)}>{t(FIELD_LABELS[field])}</label>
            <input
              id={fieldId(field)}
              type="text"
              autocomplete="off"
              spellcheck={false}
              placeholder={field === 'name' ? t(placeholder) : placeholder}
              value={draft[field]}
              aria-invalid={errors[field] !== undefined}
              aria-describedby={describedBy(errors[field] !== undefined && errorId(field), hint && `${fieldId(field)}-hint`)}
              onInput={(event) => edit(field, event.currentTarget.value)}
            />
            {hint && (
              <p id={`${fieldId(field)}-hint`} class="hint">
                {t(hint)}
              </p>
            )}
            <FieldError id={errorId(field)} message={errors[field] ?? null} />
          </div>
          {/* Where the button goes belongs next to what it goes by. */}
          {field === 'anchor' && (
            <div class="field">
              <label for={fieldId('position')}>{t(FIELD_LABELS.position)}</label>
              <select id={fieldId('position')} value={draft.position} onChange={(event) => edit('position', event.currentTarget.value)}>
                {POSITIONS.map(({ value, label: positionLabel }) => (
                  <option key={value} value={value}>
                    {t(positionLabel)}
                  </option>
                ))}
              </select>
              <FieldError id={errorId('position')} message={errors.position ?? null} />
            </div>
          )}
        </Fragment>
      ))}
      <div class="full">
        <div class="button-row">
          <button type="submit" disabled={busy}>
            {t('options_customAdd')}
          </button>
          <button type="button" class="secondary" onClick={test}>
            {t('options_customTest')}
          </button>
        </div>
        <FieldError id="custom-access-error" message={refused} />
      </div>
      <TabTestResult id="custom-test-result" result={tabTest.result} busy={tabTest.busy} />
    </form>
  );
}
