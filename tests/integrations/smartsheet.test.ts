// @vitest-environment happy-dom
import smartsheet from '@/lib/integrations/sites/smartsheet';
import { describe, expect, it } from 'vitest';
import { startIntegrations } from '@/lib/integrations/start';
import { fakeMessenger, hosts, issuesOn, openPage, settle } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const SHEET = 'Qw7rP5Jm9XcV3hG2fF8xMvWq4C6pR3jH5mJ8gV21';
const OTHER = 'Hx4mT8Kp2WcR6jF9gB3nVq7Lz5Ds1Ye8Ua2Mk6P1';
const SHEET_URL = `https://app.smartsheet.com/sheets/${SHEET}`;

describeView({
  integration: smartsheet,
  view: 'sheet header',
  fixture: 'smartsheet/sheet-grid.html',
  url: `${SHEET_URL}?view=grid`,
  issue: { externalId: `smartsheet_sheet_${SHEET}`, key: '', title: 'Q3 Planning', url: SHEET_URL },
  // Sheets have no key: the note is the sheet's name.
  note: 'Q3 Planning',
  container: '.containerNameWrapper',
  title: '.containerName > .titleDiv',
  next: {
    url: `/sheets/${OTHER}?view=grid`,
    swap(header) {
      header.querySelector('.titleDiv')!.textContent = 'Offsite 2026';
    },
    issue: { externalId: `smartsheet_sheet_${OTHER}`, key: '', title: 'Offsite 2026' },
  },
});

describePagesWithoutIssue(smartsheet, [{ view: 'Home', fixture: 'smartsheet/home.html', url: 'https://app.smartsheet.com/b/home' }]);

describe('Smartsheet, more cases', () => {
  it.each([
    ['the grid', 'sheet-grid.html', `${SHEET_URL}?view=grid`],
    ['the card view', 'card-view.html', `${SHEET_URL}?view=card`],
    ['a sheet address without a view', 'sheet-grid.html', SHEET_URL],
  ])('gives the sheet one button in %s, and its rows none', async (_, fixture, url) => {
    expect(await issuesOn(smartsheet, `smartsheet/${fixture}`, url)).toEqual([
      expect.objectContaining({ externalId: `smartsheet_sheet_${SHEET}`, title: 'Q3 Planning', url: SHEET_URL }),
    ]);
  });

  it('puts the button beside the sheet’s name, before the refresh button', async () => {
    openPage('smartsheet/sheet-grid.html', `${SHEET_URL}?view=grid`);
    const stop = startIntegrations([smartsheet], { messenger: fakeMessenger() });
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.previousElementSibling?.classList.contains('containerName')).toBe(true);
    expect(hosts()[0]!.nextElementSibling?.classList.contains('refreshIcon')).toBe(true);
    stop();
  });

  it('reads the name of a sheet its viewer may not edit', async () => {
    const readOnly = () => document.querySelector('.containerName')!.classList.remove('editable');
    expect(await issuesOn(smartsheet, 'smartsheet/sheet-grid.html', SHEET_URL, readOnly)).toEqual([expect.objectContaining({ title: 'Q3 Planning' })]);
  });

  it('places no button while the header shows no name', async () => {
    const unnamed = () => (document.querySelector('.titleDiv')!.textContent = ' ');
    expect(await issuesOn(smartsheet, 'smartsheet/sheet-grid.html', SHEET_URL, unnamed)).toEqual([]);
  });

  it.each([
    ['a report', 'https://app.smartsheet.com/reports/Rp3kW7mX2cV9hG5fB8nQ4jL6sD1tY9uM2kP8gA31'],
    ['a dashboard', 'https://app.smartsheet.com/dashboards/Db9mK4pX7cV2hG8fB5nQ1jL3sD6tY4uM9kP2gA71'],
    ['a sheet address whose token is none', 'https://app.smartsheet.com/sheets/Qw7r-P5Jm'],
  ])('places no button on %s', async (_, url) => {
    expect(await issuesOn(smartsheet, 'smartsheet/sheet-grid.html', url)).toEqual([]);
  });
});
