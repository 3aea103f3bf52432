import type { SiteInfo } from '@/lib/integrations/define';

/**
 * A work-management app whose hosts are optional, for tests of switching such trackers on and
 * off whatever the catalogue holds. Tests add it to the catalogue with `vi.mock` (see
 * tests/options/tracker-switches.test.tsx).
 */
export const BOARDLY: SiteInfo = { id: 'boardly', name: 'Boardly', matches: [], selfHosted: false, optionalHosts: ['https://app.boardly.test/*', 'https://*.boardly.test/*'] };
