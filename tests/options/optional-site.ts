import type * as Catalog from '@/lib/integrations/catalog';
import type { SiteInfo } from '@/lib/integrations/define';

/**
 * A work-management app whose hosts are optional, for tests of switching such trackers on and
 * off whatever the catalogue holds.
 */
export const BOARDLY: SiteInfo = { id: 'boardly', name: 'Boardly', matches: [], selfHosted: false, optionalHosts: ['https://app.boardly.test/*', 'https://*.boardly.test/*'] };

/**
 * The catalogue with Boardly added, for `vi.mock('@/lib/integrations/catalog', (real) =>
 * import('…/optional-site').then((site) => site.catalogWithBoardly(real)))` (a mock factory may
 * only reach other modules through `import()`).
 */
export async function catalogWithBoardly(real: () => Promise<typeof Catalog>): Promise<typeof Catalog> {
  const catalog = await real();
  return { ...catalog, SITES: [...catalog.SITES, BOARDLY], INTEGRATION_NAMES: { ...catalog.INTEGRATION_NAMES, [BOARDLY.id]: BOARDLY.name } };
}
