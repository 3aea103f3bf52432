import { defineIntegration, type SiteInfo } from '../define';
import { firstText } from '../read';

// Google Keep, keep.google.com (`/u/<n>/` for another signed-in account). It routes in the hash: a
// note opened over the grid is `#NOTE/<noteId>` (`#LIST/<noteId>` for a checklist). External ids:
// `googlekeep_note_<noteId>`. Notes have no key: the note is the Keep note's title, never its text.
// A note without a title still gets its button (time is kept per note), with an empty title.
// Cards in the grid name no note id: they get no button.
const NOTE = /#(NOTE|LIST)\/([\w.-]{10,200})$/;

export const about = {
  id: 'googlekeep',
  name: 'Google Keep',
  matches: [],
  selfHosted: false,
  optionalHosts: ['https://keep.google.com/*'],
} satisfies SiteInfo;

export default defineIntegration(about, {
  // The open note is in the hash.
  hashRoutes: true,
  issuePages: NOTE,
  places: [
    {
      // The toolbar at the foot of the open note (remind, colour, archive, more): last in it.
      name: 'note',
      url: NOTE,
      anchor: ['.XKSfm-L9AdLc .IZ65Hb-yePe5c [role="toolbar"]', '.XKSfm-L9AdLc .IZ65Hb-INgbqf'],
      position: 'inside',
      read(anchor, page) {
        const [, route, id] = NOTE.exec(page.hash) ?? [];
        const note = anchor.closest('.XKSfm-L9AdLc');
        if (!id || !note) return null;
        return {
          externalId: `googlekeep_note_${id}`,
          key: '',
          // The title's field only: the text's field shares most of its classes.
          title: firstText(note, '.IZ65Hb-YPqjbf.vIzZGf-r4nke-YPqjbf'),
          url: `${page.origin}${page.pathname}#${route}/${id}`,
        };
      },
    },
  ],
});
