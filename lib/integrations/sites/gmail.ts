import { defineIntegration, type SiteInfo } from '../define';
import { textOf } from '../read';

// Gmail, mail.google.com/mail/u/<n>/. It routes in the hash: an open thread is
// `#<inbox|label/<name>|search/<query>|…>/<token>`. The token has two spellings (`FMfcg…`, or the
// legacy hex id), so the thread id comes from the subject heading instead: `data-legacy-thread-id`,
// the hex id Gmail's API and its `#all/<id>` links use, or where only `data-thread-perm-id` is set,
// `thread-f:<n>`, the same number in decimal. External ids: `gmail_thread_<hex id>`. Threads have no
// key: the note is the subject (never the mail's text or an address).
const THREAD = /#[^?]*\/[A-Za-z0-9]{16,}(?:\?|$)/;
const LEGACY = /^[0-9a-f]{12,20}$/;
const PERM = /^#?thread-f:(\d{1,20})$/;

/** The thread's hex id from its subject heading, or null (a `thread-a:` id alone has no hex form). */
function threadId(subject: Element): string | null {
  const legacy = subject.getAttribute('data-legacy-thread-id');
  if (legacy) return LEGACY.test(legacy) ? legacy : null;
  const [, n] = PERM.exec(subject.getAttribute('data-thread-perm-id') ?? '') ?? [];
  const hex = n ? BigInt(n).toString(16) : '';
  return LEGACY.test(hex) ? hex : null;
}

export const about = { id: 'gmail', name: 'Gmail', matches: [], selfHosted: false, optionalHosts: ['https://mail.google.com/*'] } satisfies SiteInfo;

export default defineIntegration(about, {
  // The thread is in the hash.
  hashRoutes: true,
  issuePages: THREAD,
  places: [
    {
      // The open thread's header (subject and labels): last in it, as the time trackers place theirs.
      name: 'thread',
      url: THREAD,
      anchor: 'div.ha',
      position: 'inside',
      read(anchor, page) {
        const subject = anchor.querySelector('h2.hP') ?? anchor.querySelector('h2');
        const id = subject && threadId(subject);
        if (!id) return null;
        return { externalId: `gmail_thread_${id}`, key: '', title: textOf(subject), url: `${page.origin}${page.pathname}#all/${id}` };
      },
    },
  ],
});
