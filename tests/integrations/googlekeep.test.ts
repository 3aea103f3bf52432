// @vitest-environment happy-dom
import { routeOf } from '@/lib/integrations/define';
import googlekeep from '@/lib/integrations/sites/googlekeep';
import { describe, expect, it } from 'vitest';
import { issuesOn } from './helpers';
import { describePagesWithoutIssue, describeView } from './view-suite';

const NOTE = '1mW3xQ9pZr7TvLk2Hs5NdYb8Gc4Fj6Ae0Ru1Ko3Xi9Vt';
const NOTE_URL = `https://keep.google.com/#NOTE/${NOTE}`;
const TITLE = '.XKSfm-L9AdLc .vIzZGf-r4nke-YPqjbf';

describeView({
  integration: googlekeep,
  view: 'open note',
  fixture: 'googlekeep/note.html',
  url: NOTE_URL,
  issue: { externalId: `googlekeep_note_${NOTE}`, key: '', title: 'Plan the team offsite', url: NOTE_URL },
  // Notes have no key: the note is the title.
  note: 'Plan the team offsite',
  container: '.XKSfm-L9AdLc',
  title: TITLE,
  next: {
    url: '/#NOTE/1Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf9Ed8Cb7Az6Yx5W',
    swap(dialog) {
      dialog.querySelector('.vIzZGf-r4nke-YPqjbf')!.textContent = 'Packing list for Lisbon';
    },
    issue: { externalId: 'googlekeep_note_1Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf9Ed8Cb7Az6Yx5W', key: '', title: 'Packing list for Lisbon' },
  },
});

describePagesWithoutIssue(googlekeep, [
  { view: 'the notes grid', fixture: 'googlekeep/home.html', url: 'https://keep.google.com/#home' },
  { view: 'the notes grid of a label', fixture: 'googlekeep/home.html', url: 'https://keep.google.com/u/0/#label/Travel' },
]);

describe('Google Keep, more cases', () => {
  it.each([
    ['a note', NOTE_URL],
    ['a note of a second account', `https://keep.google.com/u/1/#NOTE/${NOTE}`],
    ['a checklist', `https://keep.google.com/#LIST/${NOTE}`],
    ['a note with an id of the older form', 'https://keep.google.com/#NOTE/16f7a8b9c0d.1a2b3c4d5e6f7a8b'],
  ])('reads the note id from the hash of %s', async (_, url) => {
    const id = url.split('/').at(-1);
    expect(await issuesOn(googlekeep, 'googlekeep/note.html', url)).toEqual([
      expect.objectContaining({ externalId: `googlekeep_note_${id}`, url }),
    ]);
  });

  it.each([
    ['the grid, with the last note’s dialog left in the page', 'https://keep.google.com/#home'],
    ['a label', 'https://keep.google.com/#label/Travel'],
    ['an id too short to be Keep’s', 'https://keep.google.com/#NOTE/abc'],
    ['an id with other characters', `https://keep.google.com/#NOTE/${NOTE}%2F..`],
  ])('places no button for %s', async (_, url) => {
    expect(await issuesOn(googlekeep, 'googlekeep/note.html', url)).toEqual([]);
  });

  it('counts a page as a note page by its hash', () => {
    const isNote = (url: string) => googlekeep.issuePages.test(routeOf(googlekeep, new URL(url)));
    expect(isNote(NOTE_URL)).toBe(true);
    expect(isNote(`https://keep.google.com/u/1/#LIST/${NOTE}`)).toBe(true);
    expect(isNote('https://keep.google.com/#home')).toBe(false);
    expect(isNote('https://keep.google.com/#reminders')).toBe(false);
  });

  it('gives a note without a title its button, with an empty title, and never its text instead', async () => {
    const untitled = () => (document.querySelector(TITLE)!.textContent = '');
    expect(await issuesOn(googlekeep, 'googlekeep/note.html', NOTE_URL, untitled)).toEqual([
      { integration: 'googlekeep', externalId: `googlekeep_note_${NOTE}`, key: '', title: '', url: NOTE_URL },
    ]);
    const noTitleField = () => document.querySelector(TITLE)!.remove();
    expect(await issuesOn(googlekeep, 'googlekeep/note.html', NOTE_URL, noTitleField)).toEqual([expect.objectContaining({ title: '' })]);
  });

  it('finds the toolbar by its own class when it has no toolbar role, as TimeCamp’s plugin does', async () => {
    const noRole = () => document.querySelector('.XKSfm-L9AdLc [role="toolbar"]')!.removeAttribute('role');
    expect(await issuesOn(googlekeep, 'googlekeep/note.html', NOTE_URL, noRole)).toEqual([expect.objectContaining({ externalId: `googlekeep_note_${NOTE}` })]);
  });

  it('sends the title only: never the note’s text or an address in it', async () => {
    const [issue] = await issuesOn(googlekeep, 'googlekeep/note.html', NOTE_URL);
    expect(Object.values(issue!).join('\n')).not.toMatch(/@|Sintra|budget|lena/i);
  });
});
