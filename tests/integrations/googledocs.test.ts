// @vitest-environment happy-dom
import googledocs from '@/lib/integrations/sites/googledocs';
import { describe, expect, it } from 'vitest';
import { startIntegrations } from '@/lib/integrations/start';
import { fakeMessenger, issuesOn, onlyHost, openPage, settle } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const DOC = '1Qx7wVb3kRt9yZp2LmN5cJ8hFg4DsAe6TuIo0PvXqWlM';
const SHEET = '1aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7a9bC';
const DOC_URL = `https://docs.google.com/document/d/${DOC}/edit`;

describeView({
  integration: googledocs,
  view: 'document',
  fixture: 'googledocs/document.html',
  url: `${DOC_URL}?tab=t.0`,
  issue: { externalId: `googledocs_document_${DOC}`, key: '', title: 'Q3 launch plan', url: DOC_URL },
  // Files have no key: the note is the title.
  note: 'Q3 launch plan',
  container: '#docs-bars',
  title: '.docs-title-input',
  next: {
    url: '/document/d/1Hk2jLm4nBv6cXz8aSd0fGh3qWe5rTy7uIo9pAs1dFgH/edit',
    swap(bars) {
      bars.querySelector('input')!.value = 'Meeting notes';
    },
    issue: { externalId: 'googledocs_document_1Hk2jLm4nBv6cXz8aSd0fGh3qWe5rTy7uIo9pAs1dFgH', key: '', title: 'Meeting notes' },
  },
});

describeView({
  integration: googledocs,
  view: 'spreadsheet',
  fixture: 'googledocs/spreadsheet.html',
  url: `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`,
  issue: {
    externalId: `googledocs_spreadsheet_${SHEET}`,
    key: '',
    title: 'Travel budget 2027',
    url: `https://docs.google.com/spreadsheets/d/${SHEET}/edit`,
  },
  note: 'Travel budget 2027',
  container: '#docs-bars',
  title: '.docs-title-input',
  next: {
    url: '/spreadsheets/d/1zY8xW6vU4tS2rQ0pO8nM6lK4jI2hG0fE8dC6bA4z2yX/edit#gid=1',
    swap(bars) {
      bars.querySelector('input')!.value = 'Hiring plan';
    },
    issue: { externalId: 'googledocs_spreadsheet_1zY8xW6vU4tS2rQ0pO8nM6lK4jI2hG0fE8dC6bA4z2yX', key: '', title: 'Hiring plan' },
  },
});

describePagesWithoutIssue(googledocs, [
  { view: 'the Docs home page', fixture: 'googledocs/home.html', url: 'https://docs.google.com/document/u/0/' },
]);

describe('Google Docs, more cases', () => {
  it.each([
    ['a document', DOC_URL, 'document'],
    ['a document of a second account', `https://docs.google.com/document/u/1/d/${DOC}/edit`, 'document'],
    ['a document link with a query', `${DOC_URL}?usp=sharing`, 'document'],
    ['a presentation', `https://docs.google.com/presentation/d/${DOC}/edit#slide=id.p`, 'presentation'],
    ['a spreadsheet', `https://docs.google.com/spreadsheets/d/${DOC}/edit?gid=0#gid=0`, 'spreadsheet'],
  ])('reads the kind and id of %s', async (_, url, kind) => {
    const app = new URL(url).pathname.split('/')[1];
    expect(await issuesOn(googledocs, 'googledocs/document.html', url)).toEqual([
      expect.objectContaining({ externalId: `googledocs_${kind}_${DOC}`, url: `https://docs.google.com/${app}/d/${DOC}/edit` }),
    ]);
  });

  it.each([
    ['a file id too short to be Drive’s', 'https://docs.google.com/document/d/abc/edit'],
    ['a file id with other characters', `https://docs.google.com/document/d/${DOC.slice(0, 30)}.x/edit`],
    ['another app of docs.google.com', `https://docs.google.com/forms/d/${DOC}/edit`],
    ['a file not open in the editor', `https://docs.google.com/document/d/${DOC}/copy`],
  ])('places no button for %s', async (_, url) => {
    expect(await issuesOn(googledocs, 'googledocs/document.html', url)).toEqual([]);
  });

  it('puts the button in the title bar when the menu bar is missing, and reads the title from its label', async () => {
    const compact = () => {
      document.querySelector('#docs-menubar')!.remove();
      document.querySelector('.docs-title-input')!.remove();
    };
    expect(await issuesOn(googledocs, 'googledocs/document.html', DOC_URL, compact)).toEqual([
      expect.objectContaining({ externalId: `googledocs_document_${DOC}`, title: 'Q3 launch plan' }),
    ]);
    openPage('googledocs/document.html', DOC_URL);
    document.querySelector('#docs-menubar')!.remove();
    const stop = startIntegrations([googledocs], { messenger: fakeMessenger() });
    await settle();
    expect(onlyHost().parentElement?.matches('.docs-titlebar-buttons')).toBe(true);
    stop();
  });

  it('sends the title only: never the file’s content or an address in it', async () => {
    for (const [fixture, url] of [
      ['googledocs/document.html', DOC_URL],
      ['googledocs/spreadsheet.html', `https://docs.google.com/spreadsheets/d/${SHEET}/edit`],
    ] as const) {
      const [issue] = await issuesOn(googledocs, fixture, url);
      expect(Object.values(issue!).join('\n')).not.toMatch(/@|sign-ups|Northwind|Anna|Berlin|2,400/i);
    }
  });
});
