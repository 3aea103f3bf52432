import { t } from '@/lib/i18n';
import type { DomainProblem } from '@/lib/options/domain';

/** Why a typed domain was refused, in words. */
export function domainProblemText(problem: DomainProblem): string {
  switch (problem) {
    case 'empty':
      return t('options_domainEmpty');
    case 'scheme':
      return t('options_domainScheme');
    case 'credentials':
      return t('options_domainCredentials');
    case 'port':
      return t('options_domainPort');
    case 'host':
      return t('options_domainNotHost');
  }
}
