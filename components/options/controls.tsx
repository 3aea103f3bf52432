import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import { useState } from 'preact/hooks';

/** The ids a control's `aria-describedby` lists: its hint and, when shown, its error. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

/** Why a value was refused, next to its field (the field points at it with `aria-describedby`). */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} class="field-error" role="alert">
      {message}
    </p>
  ) : null;
}

/**
 * A confirmation such as "Saved.", announced politely. The region stays in
 * the page while empty: screen readers only announce changes to a live
 * region they already know.
 */
export function Notice({ message }: { message: string }) {
  return (
    <p class="notice" aria-live="polite">
      {message}
    </p>
  );
}

/** A section's confirmation text and a setter for it. */
export function useNotice(): [string, (message: string) => void] {
  return useState('');
}

export interface SwitchProps {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange(checked: boolean): void;
  /** A sentence under the label saying what the switch does. */
  hint?: ComponentChildren;
  disabled?: boolean;
}

/** An on/off setting that saves as it is flipped. */
export function Switch({ id, label, checked, onChange, hint, disabled }: SwitchProps) {
  return (
    <div class="switch-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        class="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A heading and its content: one part of the page. Only the top-level parts
 * are named regions (landmarks); a name on every part would crowd the
 * landmark list, and give `Domain` and `Integration` namesakes ("Self-hosted
 * domains") to anything that looks fields up by label.
 */
export function Section({ id, title, level = 2, children }: { id: string; title: string; level?: 2 | 3; children: ComponentChildren }) {
  if (level === 3) {
    return (
      <section class="options-subsection">
        <h3 id={`${id}-heading`}>{title}</h3>
        {children}
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-heading`} class="options-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * `Save` and `Cancel` for a text setting, shown once its value differs from
 * the stored one: an unchanged field has nothing to save.
 */
export function SaveButtons({ dirty, onCancel }: { dirty: boolean; onCancel(): void }) {
  if (!dirty) return null;
  return (
    <div class="button-row">
      <button type="submit">{t('options_save')}</button>
      <button type="button" class="secondary" onClick={onCancel}>
        {t('options_cancel')}
      </button>
    </div>
  );
}
