import { t, uiLanguage } from '@/lib/i18n';
import { INTEGRATION_NAMES, SELF_HOSTED, SITES } from '@/lib/integrations/catalog';

/** The `data-timecamp-*` attribute contract any web app can opt into on its own domain. */
const ATTRIBUTES = 'attributes';

/** Every tracker the extension has a script for, in the catalogue's order: the switches and per-tracker tasks. */
export const TRACKER_IDS: readonly string[] = SITES.map((site) => site.id);

/** What a user may run on their own domain: the self-hostable trackers and the attribute contract. */
export const SELF_HOSTED_INTEGRATIONS: readonly string[] = SELF_HOSTED.map((site) => site.id);

/** A tracker's name for people (asked for at render time, when the page's language is known); an id nobody knows is shown as it is. */
export function trackerName(id: string): string {
  // The attribute contract is not a product people know by name: say what it is.
  if (id === ATTRIBUTES) return t('options_attributesIntegration');
  return INTEGRATION_NAMES[id] ?? id;
}

/** The names in the self-hosted list, where the product installed on one's own server has its own name. */
export function selfHostedName(id: string): string {
  if (id === 'github') return 'GitHub Enterprise';
  if (id === 'azure') return 'Azure DevOps Server';
  return trackerName(id);
}

/** Names joined as the page's language joins them: "A, B and C" (`conjunction`), "A, B or C" (`disjunction`). */
export function listOf(names: string[], type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(uiLanguage(), { type }).format(names);
}

/** The self-hostable trackers as one installs them, as alternatives: "GitLab, Jira or Redmine". */
export function ownServerNames(): string {
  return listOf(SELF_HOSTED_INTEGRATIONS.filter((id) => id !== ATTRIBUTES).map(selfHostedName), 'disjunction');
}
