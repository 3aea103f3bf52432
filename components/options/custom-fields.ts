import type { CustomIntegration } from '@/lib/storage/domains';

/** The message key of each field's label, for the form and for the errors a tab's test reports. */
export const FIELD_LABELS: Record<Exclude<keyof CustomIntegration, 'id'>, string> = {
  name: 'options_customName',
  domain: 'options_customHost',
  pathPattern: 'options_customPath',
  anchor: 'options_customAnchor',
  position: 'options_customPosition',
  title: 'options_customTitle',
  key: 'options_customKey',
};

/** The label's message key of a field a check reported; the field's own name for one the form has not (the id). */
export function labelKey(field: string): string {
  return (FIELD_LABELS as Partial<Record<string, string>>)[field] ?? field;
}
