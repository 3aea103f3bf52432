// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrackerSwitches } from '@/components/options/TrackerSwitches';
import { settings } from '@/lib/storage/settings';
import { trackersOn } from '@/lib/storage/trackers-on';
import { button, byLabel, click, descriptionOf, mount, notices, stubPermissions, until, useOptionsTestBrowser } from './harness';
import { BOARDLY } from './optional-site';

vi.mock('@/lib/integrations/catalog', (real) => import('./optional-site').then((site) => site.catalogWithBoardly(real)));

const HOSTS = BOARDLY.optionalHosts!;

describe('a tracker whose hosts are asked for when it is switched on', () => {
  useOptionsTestBrowser();
  afterEach(() => vi.restoreAllMocks());

  async function switches() {
    const page = mount(<TrackerSwitches />);
    const boardly = await until(() => {
      const field = byLabel(page, 'Boardly');
      expect(field.disabled).toBe(false);
      return field;
    });
    return { page, boardly };
  }

  it('is off at first, listed with the work-management apps, while the trackers installed with their hosts are on', async () => {
    stubPermissions(true);
    const { page, boardly } = await switches();
    expect(boardly.checked).toBe(false);
    expect(byLabel(page, 'GitHub').checked).toBe(true);
    const work = page.querySelector('[aria-labelledby="family-work"]')!;
    expect(document.getElementById('family-work')?.textContent).toBe('Work management');
    expect(work.contains(boardly)).toBe(true);
  });

  it('asks the browser for all its hosts in one request when switched on, and then is on', async () => {
    const permissions = stubPermissions(true);
    const { page, boardly } = await switches();

    click(boardly);

    await until(async () => expect(await trackersOn.getValue()).toEqual(['boardly']));
    expect(permissions.request).toHaveBeenCalledTimes(1);
    expect(permissions.request).toHaveBeenCalledWith({ origins: HOSTS });
    await until(() => expect(notices(page)).toContain('Boardly turned on. Tabs already open on it get the button once reloaded.'));
    expect(boardly.checked).toBe(true);
    // Its switch is the list of trackers on, not disabledIntegrations.
    expect((await settings.getValue()).disabledIntegrations).toEqual([]);
  });

  it('stays off, and says why, when the user declines the browser’s prompt', async () => {
    stubPermissions(false);
    const { page, boardly } = await switches();

    click(boardly);

    await until(() => expect(notices(page)).toContain('Boardly stays off: the browser was not allowed to give it access to its site.'));
    expect(await trackersOn.getValue()).toEqual([]);
    expect(boardly.checked).toBe(false);
  });

  it('gives its hosts back when switched off', async () => {
    const permissions = stubPermissions(true, HOSTS);
    await trackersOn.setValue(['boardly']);
    const { page, boardly } = await switches();
    await until(() => expect(boardly.checked).toBe(true));

    click(boardly);

    await until(async () => expect(await trackersOn.getValue()).toEqual([]));
    await until(() => expect([...permissions.origins]).toEqual([]));
    expect(notices(page)).toContain('Boardly turned off.');
  });

  it('says when it is on but its access was taken back, and asks again in one click', async () => {
    const permissions = stubPermissions(true, HOSTS);
    await trackersOn.setValue(['boardly']);
    const { page, boardly } = await switches();
    await until(() => expect(boardly.checked).toBe(true));
    expect(descriptionOf(boardly)).toBe('');

    await permissions.revoke(['https://*.boardly.test/*']);

    await until(() => expect(descriptionOf(boardly)).toContain('On, but the browser no longer lets it reach its site.'));
    click(button(page, 'Give Boardly access'));
    await until(() => expect(descriptionOf(boardly)).toBe(''));
    expect(permissions.request).toHaveBeenLastCalledWith({ origins: HOSTS });
    expect(await trackersOn.getValue()).toEqual(['boardly']);
  });
});
